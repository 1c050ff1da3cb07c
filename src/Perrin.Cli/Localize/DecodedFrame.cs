namespace Perrin.Cli.Localize;

/// <summary>
/// One frame's network maps (channels of map height × map width), its index in the table, and the frame as the camera
/// recorded it (height × width) where a refinement needs it, else null.
/// </summary>
internal readonly record struct DecodedFrame(float[]? Recorded, int Height, int Width, float[] Maps, int MapHeight, int MapWidth, int Index);
