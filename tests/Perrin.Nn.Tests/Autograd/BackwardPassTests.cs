using Perrin.Nn.Autograd;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Autograd;

public class BackwardPassTests
{
    [Fact]
    public void SharedInputsAccumulate()
    {
        var x = Tensor.FromArray([3f], 1);
        x.RequiresGrad = true;
        // y = x·x + x → dy/dx = 2x + 1 = 7
        var y = Reductions.Sum((x * x) + x);
        y.Backward();
        Assert.Equal(7f, x.Grad!.Item());
        // A second backward accumulates, as gradient accumulation over micro-batches needs.
        var y2 = Reductions.Sum(x * 2f);
        y2.Backward();
        Assert.Equal(9f, x.Grad!.Item());
        x.ZeroGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void NoGradScopeRecordsNothing()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        Tensor y;
        using (GradMode.NoGrad())
        {
            y = x * 2f;
            Assert.False(GradMode.IsEnabled);
        }
        Assert.True(GradMode.IsEnabled);
        Assert.True(y.IsLeaf);
        Assert.False(y.RequiresGrad);
        Assert.Throws<InvalidOperationException>(() => Reductions.Sum(y).Backward());
    }

    [Fact]
    public void BackwardOfNonScalarNeedsGradient()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var y = x * 3f;
        Assert.Throws<InvalidOperationException>(() => y.Backward());
        y.Backward(Tensor.FromArray([1f, 10f], 2));
        Assert.Equal([3f, 30f], x.Grad!.ToArray());
    }

    [Fact]
    public void DisposeGraphFreesIntermediatesButNotLeaves()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var h = Activations.Sigmoid(x * 3f);
        var loss = Reductions.Sum(h);
        loss.Backward();
        loss.DisposeGraph();
        Assert.True(h.IsDisposed);
        Assert.True(loss.IsDisposed);
        Assert.False(x.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => h.ToArray());
        Assert.Equal(2, x.Grad!.Length);
    }

    [Fact]
    public void DeepChainDoesNotOverflowTheStack()
    {
        var x = Tensor.FromArray([1f], 1);
        x.RequiresGrad = true;
        var y = x;
        for (var i = 0; i < 20000; i++) y = y + 0f;
        Reductions.Sum(y).Backward();
        Assert.Equal(1f, x.Grad!.Item());
    }
}
