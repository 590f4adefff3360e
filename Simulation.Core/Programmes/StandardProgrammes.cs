using System.Collections.Immutable;
using UrbanSim.Core.Health;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Programmes;

/// <summary>
/// The model's mayoral programmes, each declared once, in allocation order. Parameters live in
/// <see cref="Scenarios.ProgrammeParameters"/> (scenario paths <c>programmes.*</c>), with sources in docs/model.md §8.2.3.
/// </summary>
public static class StandardProgrammes
{
    /// <summary>Walking and cycling infrastructure (DfT active travel funds).</summary>
    public static readonly ProgrammeDefinition ActiveTravel = new()
    {
        Name = "active_travel", Label = "Active travel", Theme = Theme.Transport, Delivery = DeliveryKind.ZonalSaturating,
        Description = "Walking and cycling infrastructure: more walking and cycling by residents",
        LagYears = p => p.Programmes.ActiveTravelLagYears,
        ScaleGbpPerHead = p => p.Programmes.ActiveTravelScaleGbpPerHead,
        OtherBenefitPerGbp = p => p.Programmes.ActiveTravelOtherBenefitPerGbp,
        ExposureEffects =
        [
            new(Exposure.Walking, p => p.Programmes.ActiveTravelMaxWalkingMinutesPerWeek),
            new(Exposure.Cycling, p => p.Programmes.ActiveTravelMaxCyclingMinutesPerWeek),
        ],
        Source = "DfT active travel funds; response scale and maxima: assumptions, docs/model.md §8.2.3",
    };

    /// <summary>Clean air zones and bus franchising (DfT, JAQU).</summary>
    public static readonly ProgrammeDefinition CleanAir = new()
    {
        Name = "clean_air", Label = "Clean air", Theme = Theme.Transport, Delivery = DeliveryKind.ZonalSaturating,
        Description = "Clean air zones and bus franchising: lower PM2.5",
        LagYears = p => p.Programmes.CleanAirLagYears,
        ScaleGbpPerHead = p => p.Programmes.CleanAirScaleGbpPerHead,
        OtherBenefitPerGbp = p => p.Programmes.CleanAirOtherBenefitPerGbp,
        ExposureEffects = [new(Exposure.Pm25, p => p.Programmes.CleanAirMaxPm25ReductionMicrogramsPerM3)],
        Source = "DfT, JAQU; response scale and maximum: assumptions, docs/model.md §8.2.3",
    };

    /// <summary>Retrofit of excessively cold homes (DESNZ/MHCLG housing funds).</summary>
    public static readonly ProgrammeDefinition WarmHomes = new()
    {
        Name = "warm_homes", Label = "Warm homes", Theme = Theme.Housing, Delivery = DeliveryKind.ColdHomeRetrofit,
        Description = "Retrofit of excessively cold homes: fewer cold homes at once",
        UnitCostGbp = p => p.Programmes.WarmHomesCostGbpPerHome,
        OtherBenefitPerGbp = p => p.Programmes.WarmHomesOtherBenefitPerGbp,
        Source = "Cost per home BRE; docs/model.md §8.2.3",
    };

    /// <summary>Brownfield site assembly (Homes England, brownfield funds).</summary>
    public static readonly ProgrammeDefinition SiteAssembly = new()
    {
        Name = "site_assembly", Label = "Site assembly", Theme = Theme.Housing, Delivery = DeliveryKind.SiteRemediation,
        Description = "Pays brownfield remediation that only public money makes viable: more homes",
        OtherBenefitPerGbp = p => p.Programmes.SiteAssemblyOtherBenefitPerGbp,
        Source = "Homes England brownfield funds; docs/model.md §8.2.3",
    };

    /// <summary>Parks and greening (regeneration and levelling-up funds).</summary>
    public static readonly ProgrammeDefinition GreenSpace = new()
    {
        Name = "green_space", Label = "Green space", Theme = Theme.Regeneration, Delivery = DeliveryKind.ZonalSaturating,
        Description = "Parks and street greening: more greenness near homes",
        LagYears = p => p.Programmes.GreenSpaceLagYears,
        ScaleGbpPerHead = p => p.Programmes.GreenSpaceScaleGbpPerHead,
        OtherBenefitPerGbp = p => p.Programmes.GreenSpaceOtherBenefitPerGbp,
        ExposureEffects = [new(Exposure.GreenSpace, p => p.Programmes.GreenSpaceMaxNdviGain)],
        Source = "Regeneration funds; response scale and maximum: assumptions, docs/model.md §8.2.3",
    };

    /// <summary>Planning and analytical capacity (capacity funding, UKSPF-like).</summary>
    public static readonly ProgrammeDefinition Capacity = new()
    {
        Name = "capacity", Label = "Capacity", Theme = Theme.Regeneration, Delivery = DeliveryKind.MayoralCapacity,
        Description = "Planning and analytical staff: better bids and delivery, and health valuation",
        ScaleGbpPerHead = p => p.Programmes.CapacityScaleGbpPerHead,
        OtherBenefitPerGbp = p => p.Programmes.CapacityOtherBenefitPerGbp,
        Source = "Capacity funding, UKSPF-like; docs/model.md §7.11",
    };

    /// <summary>Joint prevention with the ICB (public health grant).</summary>
    public static readonly ProgrammeDefinition JointPrevention = new()
    {
        Name = "joint_prevention", Label = "Joint prevention", Theme = Theme.PublicHealth, Delivery = DeliveryKind.ZonalSaturating,
        Description = "Prevention with the ICB (NHS Health Checks, diabetes prevention): lower CVD and diabetes incidence",
        LagYears = _ => 1,
        ScaleGbpPerHead = p => p.Programmes.PreventionScaleGbpPerHead,
        OtherBenefitPerGbp = p => p.Programmes.JointPreventionOtherBenefitPerGbp,
        IncidenceEffects = [new([Disease.Cardiovascular, Disease.Type2Diabetes], p => p.Programmes.PreventionMaxIncidenceReduction)],
        Source = "Public health grant; response scale and maximum: assumptions, docs/model.md §8.2.3",
    };

    /// <summary>Every standard programme, in allocation order.</summary>
    public static readonly ImmutableArray<ProgrammeDefinition> All =
        [ActiveTravel, CleanAir, WarmHomes, SiteAssembly, GreenSpace, Capacity, JointPrevention];
}
