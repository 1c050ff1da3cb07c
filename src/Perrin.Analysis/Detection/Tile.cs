namespace Perrin.Analysis.Detection;

/// <summary>
/// One tile of a frame: its top-left corner in frame pixels (the tile extends past the frame, into padding, when
/// the frame is smaller than the tile), and the rectangle [OwnLeft, OwnRight) × [OwnTop, OwnBottom) of frame pixels
/// whose output it supplies. The owned rectangles of all tiles partition the frame.
/// </summary>
public readonly record struct Tile(int Top, int Left, int OwnTop, int OwnBottom, int OwnLeft, int OwnRight);
