namespace UrbanSim.Core.Numerics;

/// <summary>
/// The position of the largest of n values, kept as they change one at a time: the values in blocks of
/// <see cref="Block"/>, each block's largest kept, and the largest of those. Filling costs one vector scan of the
/// values (<see cref="FirstLargest"/>), a change rescans its block and the blocks' maxima, reading the largest is O(1).
/// Ties go to the lowest position, as a scan from the start that keeps the first strictly larger value would choose:
/// the first largest within a block, and the first block holding the largest. Allocated once for the most values it
/// will hold.
/// </summary>
internal sealed class MaxTree(int capacity)
{
    /// <summary>Values per block: a block and the blocks' maxima of a region of a thousand zones are each a few vector steps.</summary>
    private const int Block = 32;

    private readonly int _capacity = Math.Max(1, capacity);
    private readonly double[] _values = new double[Math.Max(1, capacity)];
    private readonly double[] _blockLargest = new double[(Math.Max(1, capacity) + Block - 1) / Block];
    private readonly int[] _blockPosition = new int[(Math.Max(1, capacity) + Block - 1) / Block];
    private int _count, _blocks, _position;
    private double _largest = double.NegativeInfinity;

    /// <summary>Fills the tree with <paramref name="values"/> (position i holds values[i]).</summary>
    public void Fill(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n > _capacity) throw new ArgumentException($"{n} values is more than the tree's {_capacity}.", nameof(values));
        values.CopyTo(_values);
        _count = n;
        _blocks = (n + Block - 1) / Block;
        for (int b = 0; b < _blocks; b++) RankBlock(b);
        RankBlocks();
    }

    /// <summary>Sets position <paramref name="position"/>'s value.</summary>
    public void Set(int position, double value)
    {
        _values[position] = value;
        RankBlock(position / Block);
        RankBlocks();
    }

    /// <summary>The largest value (−∞ when empty).</summary>
    public double Largest => _largest;

    /// <summary>The position of the largest value (the lowest such position when several are equal; 0 when empty).</summary>
    public int PositionOfLargest => _position;

    private void RankBlock(int block)
    {
        int start = block * Block;
        int position = FirstLargest.Of(_values.AsSpan(start, Math.Min(Block, _count - start)), out double largest);
        _blockLargest[block] = largest;
        _blockPosition[block] = start + position;
    }

    private void RankBlocks()
    {
        int block = FirstLargest.Of(_blockLargest.AsSpan(0, _blocks), out _largest);
        _position = block < 0 ? 0 : _blockPosition[block];
    }
}
