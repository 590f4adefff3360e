using UrbanSim.Core.Agents;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

public sealed partial class ReplicationRunner
{
    /// <summary>Resets the per-variant state of regions, pots and ledgers from the variant's levers.</summary>
    private void StartVariant()
    {
        _tied.Clear();
        _single.Clear();
        _ledger = default;
        _recessionYearsLeft = 0;
        _inRecession = false;
        var politics = _p.Politics;
        var f = _p.Funding;
        double shareSum = f.TransportShare + f.HousingShare + f.RegenerationShare + f.PublicHealthShare;
        _themeShares[(int)Theme.Transport] = f.TransportShare / shareSum;
        _themeShares[(int)Theme.Housing] = f.HousingShare / shareSum;
        _themeShares[(int)Theme.Regeneration] = f.RegenerationShare / shareSum;
        _themeShares[(int)Theme.PublicHealth] = f.PublicHealthShare / shareSum;
        Array.Clear(_regionPopulation);
        for (int z = 0; z < _zones; z++)
        {
            _zonePopulation[z] = _world.ZonePopulation(z);
            _regionPopulation[_world.ZoneRegion[z]] += _zonePopulation[z];
        }
        bool devolved = _levers.Settlement == SettlementKind.HealthDevolution;
        for (int r = 0; r < _regions; r++)
        {
            _capacity[r] = ClassCapacity(r);
            _commitment[r] = _levers.MissionCommitment;
            _politicalCapital[r] = 0.6;
            _analytical[r] = devolved ? Math.Max(_levers.AnalyticalCapacity, politics.HealthDevolutionAnalyticalCapacity) : _levers.AnalyticalCapacity;
            _recentChurn[r] = 0;
            _discontinuedThisYear[r] = 0;
            _homesThisTerm[r] = _spentThisTerm[r] = _receivedThisTerm[r] = _receivedTotalGbp[r] = 0;
            AppraiseProgrammes(r);
            SetTargeting(r);
        }
        SetRequiredReturns();  // so the first year's mayors see last year's finance conditions, not zero
        MarkSitesNeverViable();
        ListSites();
    }

    private double ClassCapacity(int region) => _world.RegionCapacityClass[region] switch
    {
        CapacityClass.Established => _p.Politics.EstablishedCapacity,
        CapacityClass.Developing => _p.Politics.DevelopingCapacity,
        _ => _p.Politics.NewCapacity,
    };

    /// <summary>
    /// Step 1: central government pays out under the settlement. Tied grants: formula money by theme as
    /// new pots of 1–3 years, competitive rounds (bids cost money; success rises with capacity), churn
    /// that claws back a discontinued stream. Single pot: one flexible instalment.
    /// </summary>
    private void PayFunding(int year, bool fundingCut, Span<double> outcome)
    {
        double cut = fundingCut ? 1 - _p.Shocks.FundingCutShare : 1;
        if (_levers.Settlement == SettlementKind.TiedGrants)
        {
            PayTiedGrants(year, cut, outcome);
            return;
        }
        for (int r = 0; r < _regions; r++)
        {
            double instalment = _levers.FundingPerHeadGbp * _regionPopulation[r] * cut;
            _single.Pay(r, instalment, _levers.FlexibilityShare, _themeShares);
            _ledger.PaidToMayorsGbp += instalment;
            _receivedThisTerm[r] += instalment;
            _receivedTotalGbp[r] += instalment;
        }
    }

    private void PayTiedGrants(int year, double cut, Span<double> outcome)
    {
        var f = _p.Funding;
        // Regions bid only when some money is allocated by competition.
        int bids = _levers.CompetitiveShare > 0 ? f.BidsPerThemePerYear : 0;
        for (int t = 0; t < Programmes.ThemeCount; t++)
        {
            // Competitive round for this theme: every region bids; winners share the national pot.
            double pot = 0;
            for (int r = 0; r < _regions; r++)
            {
                double notional = _levers.FundingPerHeadGbp * _regionPopulation[r] * cut * _themeShares[t];
                pot += notional * _levers.CompetitiveShare;
                double p = CompetitiveBidding.SuccessProbability(_levers.BidSuccessRate, _capacity[r], _p.Politics.DevelopingCapacity);
                int wins = 0;
                for (int b = 0; b < bids; b++)
                    if (_random.Uniform(RngStream.Bids, year, r, t * 64 + b) < p) wins++;
                _wins[r] = wins;
                _bidWeight[r] = notional;
            }
            _ledger.UnawardedCompetitiveGbp += CompetitiveBidding.Award(pot, _wins, _bidWeight, _award);
            for (int r = 0; r < _regions; r++)
            {
                double notional = _levers.FundingPerHeadGbp * _regionPopulation[r] * cut * _themeShares[t];
                double bidCost = bids * f.BidCostGbp;
                double formula = notional * (1 - _levers.CompetitiveShare);
                // Bids are paid for out of the theme's formula money: a failed bid costs money and brings none.
                double payBids = Math.Min(bidCost, formula + _award[r]);
                _ledger.BiddingCostGbp += payBids;
                _ledger.PaidToMayorsGbp += formula + _award[r];
                _receivedThisTerm[r] += formula + _award[r];
                _receivedTotalGbp[r] += formula + _award[r];
                outcome[Outcomes.BiddingCostGbp] += payBids;
                // Churn: the stream may be discontinued, taking its unspent money with it.
                if (_random.Uniform(RngStream.Churn, year, r, t * 2) < _levers.ChurnRatePerYear)
                {
                    double clawed = _tied.Discontinue(r, (Theme)t);
                    _ledger.ClawbackGbp += clawed;
                    _discontinuedThisYear[r]++;
                }
                int life = f.TiedPotMinYears + (int)(_random.Uniform(RngStream.Churn, year, r, t * 2 + 1) * (f.TiedPotMaxYears - f.TiedPotMinYears + 1));
                _tied.Add(r, (Theme)t, formula + _award[r] - payBids, year + life - 1);
            }
        }
        // Exponentially weighted share of the region's streams discontinued per year (tends to the churn rate).
        for (int r = 0; r < _regions; r++)
        {
            _recentChurn[r] = 0.7 * _recentChurn[r] + 0.3 * _discontinuedThisYear[r] / (double)Programmes.ThemeCount;
            _discontinuedThisYear[r] = 0;
        }
    }

    /// <summary>Step 5: investors' required return per region from policy uncertainty and the cycle.</summary>
    private void SetRequiredReturns()
    {
        var d = _p.Development;
        var f = _p.Funding;
        double horizon = _levers.Settlement == SettlementKind.TiedGrants
            ? (f.TiedPotMinYears + f.TiedPotMaxYears) / 2.0
            : f.SinglePotYears;
        for (int r = 0; r < _regions; r++)
        {
            double churn = _levers.Settlement == SettlementKind.TiedGrants ? _recentChurn[r] : 0;
            double uncertainty = Investors.PolicyUncertainty(churn, horizon);
            _requiredReturn[r] = Investors.RequiredReturnPerYear(d.BaseRequiredReturnPerYear, uncertainty,
                d.UncertaintyPremiumPerYear, _inRecession, d.RecessionPremiumPerYear);
            _lendingLeftGbp[r] = d.PrivateLendingGbpPerHeadPerYear * _regionPopulation[r] * (_inRecession ? 1 - d.RecessionLendingFall : 1);
        }
    }
}
