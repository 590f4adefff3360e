using System.Collections.Immutable;
using UrbanSim.Core.Health;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Programmes;

/// <summary>
/// The model's mayoral programmes, each declared once, in allocation order. Parameters live in
/// <see cref="Scenarios.ProgrammeParameters"/> (scenario paths <c>programmes.*</c>), with sources and distributions in
/// docs/model.md §7.8 and §8.2.3.
/// </summary>
public static class StandardProgrammes
{
    /// <summary>Walking and cycling networks (DfT active travel funds).</summary>
    public static readonly ProgrammeDefinition ActiveTravel = new()
    {
        Name = "active_travel", Visibility = 1, Label = "Active travel", Theme = Theme.Transport, Delivery = DeliveryKind.AreaSchemes,
        Description = "Walking and cycling networks built as area schemes (mini-Holland style): more walking and cycling where they are built",
        LagYears = p => p.Programmes.ActiveTravelLagYears,
        SchemeDoseGbpPerHead = p => p.Programmes.ActiveTravelSchemeDoseGbpPerHead,
        SpilloverShare = p => p.Programmes.ActiveTravelSpilloverShare,
        ResponseExponent = p => p.Programmes.ActiveTravelResponseExponent,
        DepreciationPerYear = p => p.Programmes.ActiveTravelDepreciationPerYear,
        UpkeepSharePerYear = p => p.Programmes.ActiveTravelUpkeepSharePerYear,
        UnmaintainedDecayPerYear = p => p.Programmes.ActiveTravelUnmaintainedDecayPerYear,
        DeliveryGbpPerHeadPerYear = p => p.Programmes.ActiveTravelDeliveryGbpPerHeadPerYear,
        OtherBenefitPerGbp = p => p.Programmes.ActiveTravelOtherBenefitPerGbp,
        ExposureEffects =
        [
            new(Exposure.Walking, EffectSize.TowardsLevel, p => p.Programmes.ActiveTravelWalkingCeilingMinutesPerWeek, p => p.Programmes.ActiveTravelWalkingHalfResponseGbpPerHead),
            new(Exposure.Cycling, EffectSize.TowardsLevel, p => p.Programmes.ActiveTravelCyclingCeilingMinutesPerWeek, p => p.Programmes.ActiveTravelCyclingHalfResponseGbpPerHead),
        ],
        Source = "Mini-Hollands (Aldred, Woodcock & Goodman 2021; 2024); Dutch cycling levels; Connect2 (Goodman et al. 2014); docs/model.md §7.8",
    };

    /// <summary>Clean air zones and bus franchising (DfT, JAQU).</summary>
    public static readonly ProgrammeDefinition CleanAir = new()
    {
        Name = "clean_air", Visibility = 1, Label = "Clean air", Theme = Theme.Transport, Delivery = DeliveryKind.AreaSchemes,
        Description = "Clean air zones and cleaner buses: lower NO₂ (and a little PM2.5) where they operate",
        LagYears = p => p.Programmes.CleanAirLagYears,
        SchemeDoseGbpPerHead = p => p.Programmes.CleanAirSchemeDoseGbpPerHead,
        SpilloverShare = p => p.Programmes.CleanAirSpilloverShare,
        ResponseExponent = p => p.Programmes.CleanAirResponseExponent,
        DepreciationPerYear = p => p.Programmes.CleanAirDepreciationPerYear,
        UpkeepSharePerYear = p => p.Programmes.CleanAirUpkeepSharePerYear,
        UnmaintainedDecayPerYear = p => p.Programmes.CleanAirUnmaintainedDecayPerYear,
        DeliveryGbpPerHeadPerYear = p => p.Programmes.CleanAirDeliveryGbpPerHeadPerYear,
        OtherBenefitPerGbp = p => p.Programmes.CleanAirOtherBenefitPerGbp,
        ExposureEffects =
        [
            new(Exposure.No2, EffectSize.ShareOfStart, p => p.Programmes.CleanAirNo2ReductionShare, p => p.Programmes.CleanAirHalfResponseGbpPerHead),
            new(Exposure.Pm25, EffectSize.ShareOfStart, p => p.Programmes.CleanAirPm25ReductionShare, p => p.Programmes.CleanAirHalfResponseGbpPerHead),
        ],
        Source = "ULEZ (GLA 2020; Ma, Graham & Stettler 2021); Bradford CAZ (Mebrahtu et al. 2025); docs/model.md §7.8",
    };

    /// <summary>Retrofit of excessively cold homes (DESNZ/MHCLG housing funds).</summary>
    public static readonly ProgrammeDefinition WarmHomes = new()
    {
        Name = "warm_homes", Visibility = -1, Label = "Warm homes", Theme = Theme.Housing, Delivery = DeliveryKind.ColdHomeRetrofit,
        Description = "Retrofit of excessively cold homes: fewer cold homes at once",
        UnitCostGbp = p => p.Programmes.WarmHomesCostGbpPerHome,
        DepreciationPerYear = p => p.Programmes.WarmHomesDepreciationPerYear,
        DeliveryGbpPerHeadPerYear = p => p.Programmes.WarmHomesDeliveryGbpPerHeadPerYear,
        OtherBenefitPerGbp = p => p.Programmes.WarmHomesOtherBenefitPerGbp,
        Source = "Cost per home BRE 2023; morbidity Int J Public Health 2017, Marmot Review Team 2011; docs/model.md §7.9",
    };

    /// <summary>Brownfield site assembly (Homes England, brownfield funds).</summary>
    public static readonly ProgrammeDefinition SiteAssembly = new()
    {
        Name = "site_assembly", Visibility = 1, Label = "Site assembly", Theme = Theme.Housing, Delivery = DeliveryKind.SiteRemediation,
        Description = "Pays brownfield remediation that only public money makes viable: more homes",
        OtherBenefitPerGbp = p => p.Programmes.SiteAssemblyOtherBenefitPerGbp,
        Source = "Homes England brownfield funds; docs/model.md §7.10",
    };

    /// <summary>Parks and greening (regeneration and levelling-up funds).</summary>
    public static readonly ProgrammeDefinition GreenSpace = new()
    {
        Name = "green_space", Visibility = 1, Label = "Green space", Theme = Theme.Regeneration, Delivery = DeliveryKind.AreaSchemes,
        Description = "Parks and street greening built as area schemes: greener surroundings where they are built",
        LagYears = p => p.Programmes.GreenSpaceLagYears,
        SchemeDoseGbpPerHead = p => p.Programmes.GreenSpaceSchemeDoseGbpPerHead,
        SpilloverShare = p => p.Programmes.GreenSpaceSpilloverShare,
        ResponseExponent = p => p.Programmes.GreenSpaceResponseExponent,
        DepreciationPerYear = p => p.Programmes.GreenSpaceDepreciationPerYear,
        UpkeepSharePerYear = p => p.Programmes.GreenSpaceUpkeepSharePerYear,
        UnmaintainedDecayPerYear = p => p.Programmes.GreenSpaceUnmaintainedDecayPerYear,
        DeliveryGbpPerHeadPerYear = p => p.Programmes.GreenSpaceDeliveryGbpPerHeadPerYear,
        OtherBenefitPerGbp = p => p.Programmes.GreenSpaceOtherBenefitPerGbp,
        ExposureEffects = [new(Exposure.GreenSpace, EffectSize.Amount, p => p.Programmes.GreenSpaceMaxNdviGain, p => p.Programmes.GreenSpaceHalfResponseGbpPerHead)],
        Source = "No published spend → NDVI relationship (Raza et al. 2024): wide distributions; docs/model.md §7.8",
    };

    /// <summary>Planning and analytical capacity (capacity funding, UKSPF-like).</summary>
    public static readonly ProgrammeDefinition Capacity = new()
    {
        Name = "capacity", Label = "Capacity", Theme = Theme.Regeneration, Delivery = DeliveryKind.MayoralCapacity,
        Description = "Planning, delivery and analytical staff: better bids, faster delivery, and health valuation",
        ScaleGbpPerHead = p => p.Programmes.CapacityScaleGbpPerHead,
        OtherBenefitPerGbp = p => p.Programmes.CapacityOtherBenefitPerGbp,
        Source = "Capacity funding, UKSPF-like; docs/model.md §7.11",
    };

    /// <summary>Joint prevention with the ICB (public health grant).</summary>
    public static readonly ProgrammeDefinition JointPrevention = new()
    {
        Name = "joint_prevention", Visibility = -1, Label = "Joint prevention", Theme = Theme.PublicHealth, Delivery = DeliveryKind.PopulationService,
        Description = "Prevention services with the ICB (diabetes prevention, health checks, smoking cessation): lower type 2 diabetes, CVD and respiratory incidence",
        LagYears = p => p.Programmes.JointPreventionLagYears,
        DepreciationPerYear = p => p.Programmes.JointPreventionDepreciationPerYear,
        DeliveryGbpPerHeadPerYear = p => p.Programmes.JointPreventionDeliveryGbpPerHeadPerYear,
        OtherBenefitPerGbp = p => p.Programmes.JointPreventionOtherBenefitPerGbp,
        IncidenceEffects =
        [
            new([Disease.Type2Diabetes], p => p.Programmes.JointPreventionDiabetesMaxReduction, p => p.Programmes.JointPreventionDiabetesHalfResponseGbpPerHead),
            new([Disease.Cardiovascular], p => p.Programmes.JointPreventionCardiovascularMaxReduction, p => p.Programmes.JointPreventionCardiovascularHalfResponseGbpPerHead),
            new([Disease.ChronicRespiratory], p => p.Programmes.JointPreventionRespiratoryMaxReduction, p => p.Programmes.JointPreventionRespiratoryHalfResponseGbpPerHead),
        ],
        Source = "NHS DPP (McManus et al. 2022; Manchester evaluation: £119 a referral); other diseases wide; docs/model.md §7.8",
    };

    /// <summary>Every standard programme, in allocation order.</summary>
    public static readonly ImmutableArray<ProgrammeDefinition> All =
        [ActiveTravel, CleanAir, WarmHomes, SiteAssembly, GreenSpace, Capacity, JointPrevention];
}
