namespace UrbanSim.Core.Numerics;

/// <summary>
/// The position of the largest of n values, kept as they change one at a time: a tournament tree, O(n) to fill,
/// O(log n) to change a value, O(1) to read the largest. Ties go to the lowest position, as a scan from the start
/// that keeps the first strictly larger value would choose. Allocated once for the most values it will hold.
/// </summary>
internal sealed class MaxTree(int capacity)
{
    // Leaves are a power of two at least the number of values, so up to twice the capacity, and as many inner nodes.
    private readonly double[] _value = new double[4 * Math.Max(1, capacity)];
    private readonly int[] _position = new int[4 * Math.Max(1, capacity)];
    private readonly int _capacity = Math.Max(1, capacity);
    private int _leaves = 1;

    /// <summary>Fills the tree with <paramref name="values"/> (position i holds values[i]).</summary>
    public void Fill(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n > _capacity) throw new ArgumentException($"{n} values is more than the tree's {_capacity}.", nameof(values));
        _leaves = 1;
        while (_leaves < n) _leaves *= 2;
        for (int i = 0; i < _leaves; i++)
        {
            _value[_leaves + i] = i < n ? values[i] : double.NegativeInfinity;
            _position[_leaves + i] = i;
        }
        for (int node = _leaves - 1; node >= 1; node--) Combine(node);
    }

    /// <summary>Sets position <paramref name="position"/>'s value.</summary>
    public void Set(int position, double value)
    {
        int node = _leaves + position;
        _value[node] = value;
        for (node /= 2; node >= 1; node /= 2) Combine(node);
    }

    /// <summary>The largest value.</summary>
    public double Largest => _value[1];

    /// <summary>The position of the largest value (the lowest such position when several are equal).</summary>
    public int PositionOfLargest => _position[1];

    private void Combine(int node)
    {
        int left = 2 * node, right = left + 1;
        int winner = _value[left] >= _value[right] ? left : right;
        _value[node] = _value[winner];
        _position[node] = _position[winner];
    }
}
