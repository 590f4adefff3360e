using System.Collections.Immutable;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// What a scenario simulates and reports: its programmes and its outcomes. <see cref="Standard"/> is the model's;
/// a study may add a programme or an outcome (<see cref="WithProgramme"/>, <see cref="WithOutcome"/>), and every
/// step, output and chart follows. docs/extending.md has the recipes.
/// </summary>
public sealed class ModelCatalogue
{
    private ModelCatalogue(ProgrammeCatalogue programmes, ImmutableArray<OutcomeDefinition> added)
    {
        Programmes = programmes;
        Outcomes = new OutcomeCatalogue(programmes, added);
    }

    /// <summary>The model's own programmes and outcomes.</summary>
    public static ModelCatalogue Standard { get; } = new(ProgrammeCatalogue.Standard, []);

    /// <summary>The programmes mayors can spend on.</summary>
    public ProgrammeCatalogue Programmes { get; }

    /// <summary>The outcomes and yearly series of a run.</summary>
    public OutcomeCatalogue Outcomes { get; }

    /// <summary>This catalogue with <paramref name="programme"/> added (its spend outcome and series follow).</summary>
    public ModelCatalogue WithProgramme(ProgrammeDefinition programme) => new(Programmes.With(programme), Outcomes.Added);

    /// <summary>This catalogue with <paramref name="outcome"/> added; it needs a <see cref="OutcomeDefinition.Measure"/>.</summary>
    public ModelCatalogue WithOutcome(OutcomeDefinition outcome) => new(Programmes, Outcomes.Added.Add(outcome));
}
