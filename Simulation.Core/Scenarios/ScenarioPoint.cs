using System.Collections.Immutable;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// One point of an external design (a row of a SALib or EMA Workbench sample): numeric levers set on every variant, and
/// model parameters set for the whole replication. A parameter the point sets is not drawn, even when the scenario lists
/// it as uncertain; the other uncertain parameters are drawn as usual (their draws are keyed by path, so they are the
/// same as without the point). A variant's own parameter settings still win for that variant, as they win over draws.
/// </summary>
/// <param name="Levers">Numeric levers and their values, applied to every variant's levers.</param>
/// <param name="Parameters">Model parameters and their values (integers are rounded), applied after the draws.</param>
internal sealed record ScenarioPoint(ImmutableArray<(LeverInfo Lever, double Value)> Levers, ImmutableArray<(ParameterInfo Parameter, double Value)> Parameters)
{
    /// <summary><paramref name="levers"/> with the point's levers set.</summary>
    public PolicyLevers Apply(PolicyLevers levers)
    {
        foreach (var (lever, value) in Levers) levers = LeverPaths.With(levers, lever, value);
        return levers;
    }

    /// <summary><paramref name="parameters"/> with the point's parameters set.</summary>
    public ModelParameters Apply(ModelParameters parameters)
    {
        foreach (var (parameter, value) in Parameters) parameters = ParameterPaths.With(parameters, parameter, value);
        return parameters;
    }
}
