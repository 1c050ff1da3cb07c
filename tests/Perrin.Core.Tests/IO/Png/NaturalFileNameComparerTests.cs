using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public class NaturalFileNameComparerTests
{
    [Fact]
    public void DigitRunsCompareByValue()
    {
        string[] names = ["frame10.png", "frame2.png", "frame1.png", "Frame3.png", "frame02.png", "frame100.png", "a.png"];
        Array.Sort(names, NaturalFileNameComparer.Instance);
        Assert.Equal(["a.png", "frame1.png", "frame02.png", "frame2.png", "Frame3.png", "frame10.png", "frame100.png"], names);
    }

    [Fact]
    public void VeryLongNumbersDoNotOverflow()
    {
        string[] names = ["t99999999999999999999999.png", "t100000000000000000000000.png", "t5.png"];
        Array.Sort(names, NaturalFileNameComparer.Instance);
        Assert.Equal(["t5.png", "t99999999999999999999999.png", "t100000000000000000000000.png"], names);
    }

    [Fact]
    public void NameSortsBeforeSuffixedName() =>
        Assert.True(NaturalFileNameComparer.Instance.Compare("img_1.png", "img_1_b.png") < 0);
}
