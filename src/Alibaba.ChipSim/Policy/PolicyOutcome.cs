namespace Alibaba.ChipSim.Policy;

/// <summary>
/// What one trial's actors did, filled by <see cref="CompiledPolicy.Run"/>: each actor's final state,
/// the month each state was first entered, and the combined gate of every month. A buffer reused
/// from trial to trial (one per worker), so the inner loop allocates nothing.
/// </summary>
internal sealed class PolicyOutcome
{
    /// <summary>The value of <see cref="FirstEntryMonth"/> for a state never entered.</summary>
    public const int Never = -1;

    private readonly int[] _stateOffset;
    private readonly int[] _firstEntry;
    private readonly byte[] _final;
    private readonly double[] _gates;

    public PolicyOutcome(CompiledPolicy policy)
    {
        ActorCount = policy.ActorCount;
        Months = policy.Months;
        _stateOffset = policy.StateOffset;
        _firstEntry = new int[policy.TotalStates];
        _final = new byte[ActorCount];
        _gates = new double[Months];
    }

    public int ActorCount { get; }

    public int Months { get; }

    /// <summary>Each actor's state (index into its declared states) after the last month's step.</summary>
    public ReadOnlySpan<byte> FinalStates => _final;

    /// <summary>The combined gate of each month (0-based), after that month's step.</summary>
    public ReadOnlySpan<double> Gates => _gates;

    /// <summary>The number of months whose combined gate is &gt; 0.</summary>
    public int GateOpenMonths { get; private set; }

    public bool GateOpen(int month) => _gates[month] > 0;

    /// <summary>
    /// The month (0-based) whose step first moved actor <paramref name="actor"/> into <paramref name="state"/>,
    /// or <see cref="Never"/>. Only moves count, as in the engine's <c>&lt;actor&gt;_&lt;state&gt;_month</c>
    /// columns: being in the initial state at the start is not an entry.
    /// </summary>
    public int FirstEntryMonth(int actor, int state) => _firstEntry[_stateOffset[actor] + state];

    internal void Begin(ReadOnlySpan<byte> initial)
    {
        Array.Fill(_firstEntry, Never);
        GateOpenMonths = 0;
        for (var a = 0; a < ActorCount; a++) _final[a] = initial[a];
    }

    /// <summary>The first-entry months, flattened by <see cref="CompiledPolicy.StateOffset"/>, for <see cref="CompiledPolicy.StepMonth"/> to fill.</summary>
    internal Span<int> FirstEntries => _firstEntry;

    internal void Record(int month, ReadOnlySpan<byte> after, double gate)
    {
        for (var a = 0; a < ActorCount; a++) _final[a] = after[a];
        _gates[month] = gate;
        if (gate > 0) GateOpenMonths++;
    }
}
