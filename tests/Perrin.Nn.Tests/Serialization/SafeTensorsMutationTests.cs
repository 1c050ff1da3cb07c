using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.IO;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

public class SafeTensorsMutationTests
{
    private static readonly byte[] Valid = new SafeTensorsWriter()
        .Add(new NamedArray("w", [2, 2], [1f, -2f, 3f, float.NaN]))
        .Add(new NamedArray("s", [], [0.5f]))
        .Add(new NamedArray("e", [0], []))
        .Add(new NamedInt64Array("n", [], [12]))
        .AddMetadata("perrin.architecture", "{\"kind\":\"mlp\"}")
        .ToArray();

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    /// <summary>Either the damaged file still loads completely, or it is refused with PerrinFormatException; nothing else.</summary>
    private static bool LoadsOrIsRefused(byte[] file)
    {
        try
        {
            using var reader = SafeTensorsBytes.Open(file);
            foreach (var t in reader.Tensors)
            {
                reader.ReadFloat32(t.Name, convert: true);
                reader.ReadBytes(t.Name);
            }

            return true;
        }
        catch (PerrinFormatException e)
        {
            return e.Message.StartsWith("test.safetensors", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RandomByteChangesLoadOrAreRefused()
    {
        var mutations = from count in Gen.Choose(1, 4)
                        from positions in Gen.ArrayOf(Gen.Choose(0, Valid.Length - 1), count)
                        from values in Gen.ArrayOf(Gen.Choose(0, 255), count)
                        select (positions, values);
        Prop.ForAll(mutations.ToArbitrary(), m =>
        {
            var file = (byte[])Valid.Clone();
            for (var i = 0; i < m.positions.Length; i++)
            {
                file[m.positions[i]] = (byte)m.values[i];
            }

            return LoadsOrIsRefused(file);
        }).Check(Runs);
    }

    [Fact]
    public void HeaderCharactersReplacedByJsonPunctuationLoadOrAreRefused()
    {
        var punctuation = "{}[]\",:0123456789-.e \\"u8.ToArray();
        var mutations = from position in Gen.Choose(8, Valid.Length - 1)
                        from value in Gen.Elements(punctuation)
                        select (position, value);
        Prop.ForAll(mutations.ToArbitrary(), m =>
        {
            var file = (byte[])Valid.Clone();
            file[m.position] = m.value;
            return LoadsOrIsRefused(file);
        }).Check(Runs);
    }

    [Fact]
    public void ByteChangesFollowedByATruncationLoadOrAreRefused()
    {
        var mutations = from position in Gen.Choose(0, Valid.Length - 1)
                        from value in Gen.Choose(0, 255)
                        from length in Gen.Choose(0, Valid.Length)
                        select (position, value, length);
        Prop.ForAll(mutations.ToArbitrary(), m =>
        {
            var file = (byte[])Valid.Clone();
            file[m.position] = (byte)m.value;
            return LoadsOrIsRefused(file[..m.length]);
        }).Check(Runs);
    }

    [Fact]
    public void EveryTruncationIsRefused()
    {
        for (var length = 0; length < Valid.Length; length++)
        {
            Assert.True(LoadsOrIsRefused(Valid[..length]));
            SafeTensorsBytes.Fails(Valid[..length]);
        }
    }

    [Fact]
    public void AppendedBytesAreRefused()
    {
        SafeTensorsBytes.Fails([.. Valid, 0]);
    }
}
