namespace UrbanSim.Core.Scenarios;

/// <summary>Inclusive range a numeric scenario parameter must lie in; checked at load.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AllowedRangeAttribute(double min, double max) : Attribute
{
    /// <summary>Smallest allowed value.</summary>
    public double Min { get; } = min;
    /// <summary>Largest allowed value.</summary>
    public double Max { get; } = max;
}

/// <summary>One-line meaning and unit of a scenario parameter, for messages, docs and the schema.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MeaningAttribute(string text) : Attribute
{
    /// <summary>The meaning, with its unit.</summary>
    public string Text { get; } = text;
}
