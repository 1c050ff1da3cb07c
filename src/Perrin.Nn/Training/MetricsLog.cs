using System.Globalization;
using System.Text;
using Perrin.Core.IO;

namespace Perrin.Nn.Training;

/// <summary>
/// The per-epoch metrics CSV. The whole file is rewritten atomically after each epoch, so a kill never leaves a
/// torn row; on resume the rows of epochs after the checkpoint are dropped, as those epochs will run again.
/// </summary>
internal sealed class MetricsLog
{
    internal const string Header = "epoch,step,train_loss,validation_loss,learning_rate,seconds";
    private const long MaxBytes = 64L << 20;
    private readonly string _path;
    private readonly List<string> _rows = [];

    private MetricsLog(string path) => _path = path;

    public static MetricsLog Create(string path) => new(path);

    /// <summary>The log at <paramref name="path"/> with the rows of epochs up to <paramref name="epochs"/> kept.</summary>
    public static MetricsLog Resume(string path, int epochs)
    {
        var log = new MetricsLog(path);
        if (!File.Exists(path)) return log;
        if (new FileInfo(path).Length > MaxBytes)
            throw new PerrinFormatException(path, null, $"a metrics log of more than {MaxBytes} bytes is not one Perrin wrote");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
            throw PerrinFormatException.AtLine(path, 1, $"expected the header '{Header}'");
        for (var i = 1; i < lines.Length; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || !int.TryParse(lines[i].AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
                throw PerrinFormatException.AtLine(path, i + 1, "expected a row starting with the epoch number");
            if (epoch <= epochs) log._rows.Add(lines[i]);
        }
        return log;
    }

    public void Add(EpochMetrics m)
    {
        var c = CultureInfo.InvariantCulture;
        _rows.Add(string.Join(',', m.Epoch.ToString(c), m.Step.ToString(c), m.TrainLoss.ToString("R", c), m.ValidationLoss.ToString("R", c),
            m.LearningRate.ToString("R", c), m.Seconds.ToString("F3", c)));
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in _rows) text.Append(r).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        AtomicFileWriter.Write(_path, s => s.Write(bytes));
    }
}
