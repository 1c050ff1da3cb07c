namespace Perrin.Cli.Overlay;

/// <summary>An 8-bit colour for overlay marks.</summary>
internal readonly record struct Rgb(byte Red, byte Green, byte Blue)
{
    public static Rgb Detection { get; } = new(0, 255, 0);

    public static Rgb Truth { get; } = new(255, 0, 255);
}
