using Perrin.Core.IO.Tiff;

namespace Perrin.Core.Tests.IO.Tiff;

public sealed class JavaNumberFormatTests
{
    // Expected strings are what Java's Double.toString prints for these values.
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(65535.0, "65535.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.05, "0.05")]
    [InlineData(0.001, "0.001")]
    [InlineData(1e-4, "1.0E-4")]
    [InlineData(1.25e-5, "1.25E-5")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(4294967295.0, "4.294967295E9")]
    [InlineData(-3.4028234663852886e38, "-3.4028234663852886E38")]
    [InlineData(0.1, "0.1")]
    public void DoubleMatchesJava(double value, string expected) => Assert.Equal(expected, JavaNumberFormat.Double(value));

    [Theory]
    [InlineData(2.0, "2")]
    [InlineData(0.05, "0.05")]
    [InlineData(1.5, "1.5")]
    public void IntervalIsWholeWhenItCanBe(double value, string expected) => Assert.Equal(expected, JavaNumberFormat.Interval(value));
}
