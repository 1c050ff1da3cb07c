using Perrin.Nn.Models;

namespace Perrin.Cli.Bench;

/// <summary>
/// A standard network benchmark of BENCHMARKS.md: the network, the batch shape and the loss, with Adam at lr 1e-3.
/// </summary>
internal sealed record NnBenchCase(string Name, ModelConfig Config, int[] InputShape, bool BinaryMask)
{
    /// <summary>unet-bench: 8×1×128×128, U-Net [16, 32, 64] with bottleneck 128, BCE on a sparse mask.</summary>
    public static NnBenchCase UNet { get; } = new("unet-bench", UNetConfig.Bench, [8, 1, 128, 128], BinaryMask: true);

    /// <summary>cnn-bench: 32×1×51×51, three conv+pool blocks and a dense top to 2 outputs, MAE.</summary>
    public static NnBenchCase Cnn { get; } = new("cnn-bench", CnnConfig.Bench, [32, 1, 51, 51], BinaryMask: false);

    public static IReadOnlyList<NnBenchCase> All { get; } = [UNet, Cnn];
}
