using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Policy;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// One worker's preallocated buffers and the per-trial loop: draw the parameters, step the actors,
/// ship, deploy, serve revenue with and without the H200s, and write the trial's row. Nothing here
/// allocates, looks anything up by name or depends on which other trials the worker runs.
/// </summary>
internal sealed class TrialWorker
{
    private readonly SimulationPlan _plan;
    private readonly CompiledPolicy _policy;
    private readonly OutcomeColumns _out;
    private readonly ulong _seed;
    private readonly double[] _values;
    private readonly ulong[] _streams;
    private byte[] _before, _after;
    private readonly double[] _arrivals;
    private readonly int[] _firstEntry;
    private readonly double[] _qCloud, _qCloudWithout, _qAi, _qIncremental;
    private readonly double[] _block;     // [slot * Block + k]: the rows of up to Block trials, column by column
    private readonly double[][] _slots;
    private readonly int[] _quarterOfMonth;
    private readonly int[] _stateOffset;
    private readonly CompiledActor[] _actors;
    private readonly int[] _slotOf;

    public TrialWorker(SimulationPlan plan, OutcomeColumns output, ulong seed)
    {
        _plan = plan;
        _policy = plan.Policy;
        _out = output;
        _seed = seed;
        _values = new double[plan.Parameters.Count];
        _streams = new ulong[plan.ActorCount];
        _before = new byte[plan.ActorCount];
        _after = new byte[plan.ActorCount];
        _arrivals = new double[plan.Months];
        _firstEntry = new int[plan.TotalStates];
        var q = plan.Quarters.Count;
        _qCloud = new double[q];
        _qCloudWithout = new double[q];
        _qAi = new double[q];
        _qIncremental = new double[q];
        _quarterOfMonth = plan.Quarters.QuarterOfMonth;
        _stateOffset = plan.StateOffset;
        _actors = new CompiledActor[plan.ActorCount];
        for (var a = 0; a < _actors.Length; a++) _actors[a] = _policy.Actor(a);
        Occupancy = new long[plan.Months * plan.TotalStates];
        _slotOf = plan.SlotOf;
        _slots = output.Slots;
        _block = new double[_slots.Length * Block];
    }

    /// <summary>
    /// Trials staged per block before their values are copied into the columns: writing ~60 columns a
    /// value at a time touches ~60 cache lines per trial; staging turns that into sequential copies.
    /// </summary>
    public const int Block = 128;

    /// <summary>Runs <paramref name="count"/> trials from <paramref name="firstTrial"/> into rows from <paramref name="firstRow"/>.</summary>
    public void RunRange(long firstTrial, int firstRow, int count)
    {
        for (var start = 0; start < count; start += Block)
        {
            var n = Math.Min(Block, count - start);
            for (var k = 0; k < n; k++) Run(firstTrial + start + k, firstRow + start + k, k);
            var row = firstRow + start;
            for (var c = 0; c < _slots.Length; c++) Array.Copy(_block, c * Block, _slots[c], row, n);
        }
    }

    /// <summary>Trials in each (month, flattened state) after the month's step, over every trial this worker ran.</summary>
    public long[] Occupancy { get; }

    /// <summary>Runs trial <paramref name="trial"/> of the seed's sequence: row <paramref name="row"/>, block position <paramref name="k"/>.</summary>
    private void Run(long trial, int row, int k)
    {
        var plan = _plan;
        var policy = _policy;
        var v = _values;
        var trialHash = RandomStreams.TrialHash(_seed, trial);
        plan.Parameters.Draw(trial, trialHash, v);
        policy.Streams(trialHash, _streams);
        policy.Reset(_before);

        var initialModules = v[plan.InitialModules];
        var chipsPerModule = v[plan.ChipsPerModule];
        var followOn = v[plan.FollowOnModulesPerMonth];
        var cap = plan.SupplyCapModules < 0 ? double.PositiveInfinity : v[plan.SupplyCapModules];
        var buyerShare = v[plan.BuyerShare];
        var lag = (int)Math.Min(v[plan.DeploymentLagMonths], plan.Months); // a lag past the horizon: never online
        var h200VsH20 = v[plan.H200VsH20];
        // The AI revenue one H200 online can serve a month (CNY bn): capacity is linear in the chips online.
        var capacityPerChip = CloudRevenue.H200CapacityCnyBn(h200VsH20, v[plan.RevenuePerH20eMonthCny], v[plan.Utilization]);

        // Revenue in CNY bn a month at t = months from the base month; growth multiplied along.
        var baseMonthly = v[plan.BaseQuarterCnyBn] / 3;
        var aiShare = v[plan.AiShare];
        var baseAi = baseMonthly * aiShare;
        var baseNonAi = baseMonthly * (1 - aiShare);
        var t0 = plan.MonthsFromBaseAtStart;
        var (nonAiGrowth, nonAiStep) = GrowthCurve.Start(t0, v[plan.NonAiGrowthYoy]);
        var (demandGrowth, demandStep) = GrowthCurve.Start(t0, v[plan.AiDemandGrowthYoy]);
        var (baselineGrowth, baselineStep) = GrowthCurve.Start(t0, v[plan.BaselineCapacityGrowthYoy]);
        var nonAi = baseNonAi * nonAiGrowth;
        var demand = baseAi * demandGrowth;
        var baseline = v[plan.BaselineCapacityCover] * baseAi * baselineGrowth;

        var firstEntry = _firstEntry;
        Array.Fill(firstEntry, -1);
        var arrivals = _arrivals;
        var occupancy = Occupancy;
        var stateOffset = _stateOffset;
        var totalStates = plan.TotalStates;
        var quarterOfMonth = _quarterOfMonth;
        var months = plan.Months;
        var actors = plan.ActorCount;

        var initialMonth = -1;
        var gateOpenMonths = 0;
        double modulesShipped = 0, buyerChips = 0, online = 0;
        double cloud = 0, cloudWithout = 0, ai = 0, incremental = 0;

        var gate = policy.Gate(_before, v);
        for (var m = 0; m < months; m++)
        {
            Step(m, v);
            var now = _before;
            var prev = _after;
            var row0 = m * totalStates;
            var moved = false;
            for (var a = 0; a < actors; a++)
            {
                var s = stateOffset[a] + now[a];
                occupancy[row0 + s]++;
                if (now[a] == prev[a]) continue;
                moved = true;
                if (firstEntry[s] < 0) firstEntry[s] = m;
            }
            // The combined gate depends on the states alone (gates are drawn once per trial).
            if (moved) gate = policy.Gate(now, v);
            if (gate > 0)
            {
                gateOpenMonths++;
                var modules = 0.0;
                if (initialMonth < 0)
                {
                    if (m >= plan.FirstDeliveryMonth)
                    {
                        modules = ShipmentRules.InitialTrancheModules(initialModules, gate, cap);
                        initialMonth = m;
                    }
                }
                else
                {
                    modules = ShipmentRules.FollowOnModules(followOn, gate, modulesShipped, cap);
                }
                if (modules > 0)
                {
                    modulesShipped += modules;
                    var chips = ShipmentRules.BuyerChips(modules, chipsPerModule, buyerShare);
                    buyerChips += chips;
                    if (m + lag < months) arrivals[m + lag] += chips;
                }
            }
            online += arrivals[m];
            arrivals[m] = 0;

            var h200 = online * capacityPerChip;
            var served = CloudRevenue.AiServed(demand, baseline, h200);
            var servedWithout = CloudRevenue.AiServed(demand, baseline, 0);
            var added = served - servedWithout;
            cloud += nonAi + served;
            cloudWithout += nonAi + servedWithout;
            ai += served;
            incremental += added;
            var q = quarterOfMonth[m];
            if (q >= 0)
            {
                _qCloud[q] += nonAi + served;
                _qCloudWithout[q] += nonAi + servedWithout;
                _qAi[q] += served;
                _qIncremental[q] += added;
            }
            nonAi *= nonAiStep;
            demand *= demandStep;
            baseline *= baselineStep;
        }

        WriteRow(row, k, initialMonth, gateOpenMonths, modulesShipped, buyerChips, online * h200VsH20,
            cloud, cloudWithout, ai, incremental);
    }

    /// <summary>
    /// Every actor's step of month <paramref name="m"/>, from <c>_before</c> into <c>_after</c>, then swaps them. An actor in
    /// a final state stays without drawing its month's uniform: uniforms are counter-based, so skipping one changes no
    /// other draw, and the step would return the state without reading it (as <see cref="CompiledPolicy.Step"/> does).
    /// </summary>
    private void Step(int m, double[] v)
    {
        var before = _before;
        var after = _after;
        var actors = _actors;
        for (var a = 0; a < actors.Length; a++)
        {
            var actor = actors[a];
            var s = before[a];
            after[a] = actor.Final[s] ? s : (byte)actor.Step(m, before, RandomStreams.Uniform(_streams[a], m), v);
        }
        (_before, _after) = (after, before);
    }

    /// <summary>Stages <paramref name="value"/> as outcome <paramref name="outcome"/> of block position <paramref name="k"/> (a no-op when the run has no such outcome).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Stage(Outcome outcome, int k, double value)
    {
        var slot = _slotOf[(int)outcome];
        if (slot >= 0) _block[slot * Block + k] = value;
    }

    private void WriteRow(int row, int k, int initialMonth, int gateOpenMonths, double modulesShipped, double buyerChips,
        double h20eOnline, double cloud, double cloudWithout, double ai, double incremental)
    {
        var plan = _plan;
        var v = _values;
        var b = _block;
        var shipped = initialMonth >= 0;
        Stage(Outcome.DeliveredByDeadline, k, shipped && initialMonth <= plan.DeadlineMonth ? 1 : 0);
        Stage(Outcome.NothingDelivered, k, shipped ? 0 : 1);
        Stage(Outcome.MonthsToFirstDelivery, k, shipped ? initialMonth : double.NaN);
        Stage(Outcome.GateOpenMonths, k, gateOpenMonths);
        Stage(Outcome.ModulesShipped, k, modulesShipped);
        var chipsShipped = modulesShipped * v[plan.ChipsPerModule];
        Stage(Outcome.ChipsShipped, k, chipsShipped);
        Stage(Outcome.ChipsDelivered, k, buyerChips);
        var price = v[plan.PricePerChipUsd];
        var feeRate = v[plan.ExportFeeRate];
        var passThrough = v[plan.FeePassThrough];
        Stage(Outcome.FeeTotalUsd, k, CostAndFee.FeeTotalUsd(chipsShipped, price, feeRate));
        Stage(Outcome.FeeBorneUsd, k, CostAndFee.FeeBorneUsd(buyerChips, price, feeRate, passThrough));
        var costUsd = CostAndFee.CostUsd(buyerChips, price, feeRate, passThrough);
        Stage(Outcome.CostUsd, k, costUsd);
        var costCny = costUsd * v[plan.UsdCny];
        Stage(Outcome.CostCny, k, costCny);
        Stage(Outcome.H200H20eOnline, k, h20eOnline);
        Stage(Outcome.CloudRevenueCnyBn, k, cloud);
        Stage(Outcome.CloudRevenueWithoutH200CnyBn, k, cloudWithout);
        Stage(Outcome.AiRevenueCnyBn, k, ai);
        Stage(Outcome.IncrementalRevenueCnyBn, k, incremental);
        var grossProfit = incremental * v[plan.GrossMargin];
        Stage(Outcome.IncrementalGrossProfitCnyBn, k, grossProfit);
        Stage(Outcome.Roi, k, CloudRevenue.Roi(grossProfit, costCny));

        var entryColumn = plan.EntryColumnOfState;
        var entrySlot = _out.FirstEntrySlot;
        for (var s = 0; s < entryColumn.Length; s++)
        {
            var c = entryColumn[s];
            if (c >= 0) b[(entrySlot + c) * Block + k] = _firstEntry[s] < 0 ? double.NaN : _firstEntry[s];
        }
        for (var a = 0; a < plan.ActorCount; a++) _out.FinalState[a][row] = _before[a];
        var quarters = _qCloud.Length;
        var q0 = _out.FirstQuarterSlot;
        for (var q = 0; q < quarters; q++)
        {
            b[(q0 + q) * Block + k] = _qCloud[q];
            b[(q0 + quarters + q) * Block + k] = _qCloudWithout[q];
            b[(q0 + 2 * quarters + q) * Block + k] = _qAi[q];
            b[(q0 + 3 * quarters + q) * Block + k] = _qIncremental[q];
            _qCloud[q] = _qCloudWithout[q] = _qAi[q] = _qIncremental[q] = 0;
        }
    }
}
