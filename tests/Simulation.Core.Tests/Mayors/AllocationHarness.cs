using UrbanSim.Core.Mayors;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Mayors;

/// <summary>The standard programme catalogue as the allocation tests use it: indices by definition, themes, one call.</summary>
internal static class AllocationHarness
{
    public static readonly ProgrammeCatalogue Catalogue = ProgrammeCatalogue.Standard;

    /// <summary>Number of programmes.</summary>
    public static readonly int N = Catalogue.Count;

    /// <summary>[programme] its theme.</summary>
    public static readonly Theme[] ThemeOf = Catalogue.ThemeOfProgramme.ToArray();

    /// <summary>Index of a standard programme in the catalogue.</summary>
    public static int Index(ProgrammeDefinition programme) => Catalogue.IndexOf(programme.Name);

    /// <summary>Runs the allocation with the catalogue's themes, with no hurdle (all money spent where anything can take it).</summary>
    public static void Allocate(double[] themeMoney, double flexible, double[] benefit, double[] saturation, double[] cap,
        double[] spend, double[] fromTheme) =>
        Allocation.AllocateByBenefitPerPound([], themeMoney, flexible, 0, benefit, saturation, cap, ThemeOf, spend, fromTheme);

    /// <summary>Runs the allocation with a value-for-money hurdle and money due this year.</summary>
    public static void Allocate(double[] dueThemeMoney, double[] themeMoney, double flexible, double hurdle, double[] benefit, double[] saturation,
        double[] cap, double[] spend, double[] fromTheme) =>
        Allocation.AllocateByBenefitPerPound(dueThemeMoney, themeMoney, flexible, hurdle, benefit, saturation, cap, ThemeOf, spend, fromTheme);
}
