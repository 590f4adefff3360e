namespace UrbanSim.Runner.Output;

/// <summary>
/// The terms a reader of UrbanSim's results meets, defined once in plain words: the explorer page shows them, and the
/// README's glossary states the same definitions (a test compares the two).
/// </summary>
internal static class Glossary
{
    /// <summary>Terms and their definitions, in the order a reader meets them.</summary>
    public static readonly (string Term, string Definition)[] Terms =
    [
        ("Healthy life expectancy (HLE)", "The years a baby born this year would live in good health if this year's rates of death and ill health held all its life (Sullivan method). The final year's HLE is the headline outcome."),
        ("Life expectancy (LE)", "The years a baby born this year would live in all, in good health or not."),
        ("HLE gap (slope index of inequality)", "How many fewer years of healthy life the most deprived can expect than the least deprived, from a line fitted across the ten deprivation deciles (the ONS method). Smaller is better; the national mission is to halve it."),
        ("Deprivation decile", "A tenth of neighbourhoods ranked by deprivation: decile 1 is the most deprived tenth, decile 10 the least."),
        ("QALY", "A quality-adjusted life year: a year of life counted in full when lived in full health and less when lived in ill health. QALYs add up every year of the horizon."),
        ("Discounting", "Counting later years less, as HM Treasury's Green Book asks: costs by 3.5% and health by 1.5% a year, so a pound saved in 20 years counts about 50p today. NHS costs and QALYs are discounted; HLE is not."),
        ("ICB", "An Integrated Care Board: the NHS body that pays for treatment in an area. It bears the cost of ill health and may pool money with the mayor."),
        ("NHS care forgone and net QALYs", "Money the ICB pools with the mayor is taken from NHS care, which would have bought health at about £13,500 a QALY; the QALYs it would have bought are NHS care forgone. Net QALYs are the QALYs lived less that care, and less the care the NHS's treatment costs would buy: the health-system view, in which a settlement must buy health more cheaply than the NHS does to come out ahead."),
        ("Settlement", "How central money reaches the mayor: tied grants (departmental pots, some won by competitive bids, spent slowly, with deadlines extended and some unspent money forfeited), a single pot (one flexible budget), or health devolution (a single pot with NHS money pooled)."),
        ("Replication", "One run of the model with its own random draws of uncertain parameters, shocks, elections and sites. Results are spreads over many replications."),
        ("Paired difference", "A variant minus the first variant within the same replication, where both saw the same world, shocks and draws: the difference comes from policy alone."),
        ("95% confidence interval", "A range computed so that 95 times in 100 it holds the mean that endlessly many replications would give. It shrinks as replications grow, so it says how precisely the mean is known, not how much results vary."),
        ("Middle 90% (5th–95th percentile)", "The range that 90% of replications fall in: how much the result varies with what is uncertain."),
        ("P(better)", "The share of replications in which a variant did better than the first (ties count half). Money spent has none: spending more is neither better nor worse in itself."),
        ("To date", "A running total from the start to the end of a year, such as QALYs to date: the answer the model would give with a horizon ending that year."),
        ("Budget-neutral", "A comparison in which both settings spend the same money. Settlements here are not: tied grants lose money to clawback and bids, so other settlements spend more."),
    ];
}
