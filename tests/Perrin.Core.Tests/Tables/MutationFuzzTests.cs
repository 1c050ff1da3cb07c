using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

/// <summary>Damaged tables must either read or fail with <see cref="PerrinFormatException"/>, never anything else.</summary>
public class MutationFuzzTests
{
    private static readonly string[] Valid =
    [
        ThunderStormCsv.Header + "\n1.0,1.0,3394.3,1578.6,134.5,1031.9,66.2,9.6,7.4\n2,2,1e-300,0.1,NaN,5,6,7,8\n3,9,-0,12,,1,2,3,4\n",
        "\"\",\"y\",\"x\",\"mass\",\"size\",\"ecc\",\"signal\",\"raw_mass\",\"ep\",\"frame\",\"particle\"\r\n0,3.5,-0.5,120.5,1.25,0.05,9,300,,7,2\r\n1,0,0,1,1,1,1,1,0.1,8,\r\n",
        "frame,x,y,z,mass,size,ecc,signal,raw_mass,ep,particle\n0,0,12.25,1,1,2,3,4,5,6,9\n5,1e3,-3,0,inf,-inf,1,1,1,1,NaN\n",
        "Ground-truth,frame,xnano,ynano,znano,intensity\n1,1,4437.3,3571.2,-285.7,2541.2\n2,3,100,200,0,1500\n",
        "1,1,4437.3,3571.2,-285.7,2541.2\n2,3,100,200,0,1500\n3,3,1.5,2.5,3.5,4.5\n",
    ];

    private const string Alphabet = "0123456789.,-+eE\"\r\n \taxnNIf[]\uFEFF";

    private static Gen<string> Mutated { get; } =
        from source in Gen.Elements(Valid)
        from edits in Gen.ListOf(
            from kind in Gen.Choose(0, 2)
            from at in Gen.Choose(0, 10_000)
            from c in Gen.Elements(Alphabet.ToCharArray())
            select (kind, at, c)).Resize(8)
        select Apply(source, edits);

    private static string Apply(string source, IEnumerable<(int Kind, int At, char C)> edits)
    {
        var text = new StringBuilder(source);
        foreach (var (kind, at, c) in edits)
        {
            var i = at % (text.Length + 1);
            if (kind == 0)
            {
                text.Insert(i, c);
            }
            else if (i < text.Length)
            {
                if (kind == 1)
                {
                    text.Remove(i, 1);
                }
                else
                {
                    text[i] = c;
                }
            }
        }

        return text.ToString();
    }

    private static bool ReadsOrFailsCleanly(string text, TableFormat? format)
    {
        try
        {
            var table = LocalizationTableIO.Read(new StringReader(text), "fuzz.csv", format, 100);
            return table.Rows.All(r => r.Frame >= 0 && double.IsFinite(r.X) && double.IsFinite(r.Y));
        }
        catch (PerrinFormatException error)
        {
            return error.Line >= 1 && error.Message.StartsWith("fuzz.csv, line ", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MutatedTablesReadOrFailWithAFormatError()
    {
        Prop.ForAll(Mutated.ToArbitrary(), text =>
            ReadsOrFailsCleanly(text, null)
            && ReadsOrFailsCleanly(text, TableFormat.ThunderStorm)
            && ReadsOrFailsCleanly(text, TableFormat.Trackpy)
            && ReadsOrFailsCleanly(text, TableFormat.SmlmChallenge))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void MutationsThatKeepAValidTableStillRoundTrip()
    {
        Prop.ForAll(Mutated.ToArbitrary(), text =>
        {
            LocalizationTable table;
            try
            {
                table = LocalizationTableIO.Read(new StringReader(text), "fuzz.csv", TableFormat.ThunderStorm);
            }
            catch (PerrinFormatException)
            {
                return true;
            }

            var written = new StringWriter();
            ThunderStormCsv.Write(written, table);
            var again = ThunderStormCsv.Read(new StringReader(written.ToString()));

            // A table read without ids gets ThunderSTORM's 1-based numbering when written.
            var expected = table.Has(LocalizationColumns.Id) ? table.Rows.ToList() : table.Rows.Select((r, i) => r with { Id = i + 1 }).ToList();
            return LocalizationAssert.FirstDifference(expected, again.Rows) is null;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
