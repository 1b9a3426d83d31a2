using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// A run that keeps no per-trial column: its trials are simulated wave by wave into a few chunk-sized buffers and handed,
/// in trial order, to a consumer, as often as the consumer asks (each time a <see cref="Pass"/>). Every draw is keyed by
/// (seed, trial, what is drawn) and the plan (with its sampling design) is built once, so every pass sees the very same
/// values, and the same values as <see cref="SimulationEngine.Run"/> puts in its columns. Memory is the buffers of two
/// waves: 2 × <see cref="ChunksPerWave"/> × <see cref="SimulationEngine.ChunkSize"/> rows (<see cref="ChunkRows"/>), whatever the trial count.
/// </summary>
internal sealed class ChunkReplay
{
    private readonly RunOptions _options;
    private readonly int _threads;
    private readonly OutcomeColumns[] _buffers;
    private readonly SimulationResult[] _views;

    private readonly int _chunkSize;

    /// <remarks><c>chunkSize</c>: Trials per chunk (tests make it small to force many chunks).</remarks>
    public ChunkReplay(Scenario scenario, RunOptions options, int chunkSize = SimulationEngine.ChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _chunkSize = chunkSize;
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Trials < 1 || options.Trials > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(options), options.Trials, $"trials must be between 1 and {Array.MaxLength}");
        _options = options;
        Plan = new SimulationPlan(scenario, options);
        // A weighted run's statistics need every trial's weight beside its values (docs/running-big.md): it keeps its columns.
        if (Plan.History is not null) throw new ArgumentException("a run conditioned on history keeps its columns; it is not replayed", nameof(scenario));
        _threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        ChunksPerWave = 4 * _threads;
        // Two waves' buffers: one being consumed while the other is simulated into (Pass).
        _buffers = new OutcomeColumns[2 * ChunksPerWave];
        _views = new SimulationResult[_buffers.Length];
        for (var i = 0; i < _buffers.Length; i++)
        {
            _buffers[i] = new OutcomeColumns(Plan, chunkSize);
            _views[i] = _buffers[i].ToResult(Plan, options.Seed, ImmutableArray<StateOccupancy>.Empty);
        }
        Occupancy = new long[Plan.Months * Plan.TotalStates];
    }

    internal SimulationPlan Plan { get; }

    /// <summary>The rows of every buffer: one chunk, whatever the trial count.</summary>
    public int ChunkRows => _chunkSize;

    /// <summary>Chunks simulated side by side before they are consumed.</summary>
    public int ChunksPerWave { get; }

    /// <summary>Passes made so far.</summary>
    public int Passes { get; private set; }

    /// <summary>Trials in each (month, flattened state), counted in the first pass.</summary>
    internal long[] Occupancy { get; }

    /// <summary>
    /// The layout of every chunk handed to a consumer: the column names and kinds of a <see cref="SimulationResult"/>
    /// (its arrays are one chunk's buffers, <see cref="SimulationEngine.ChunkSize"/> rows long).
    /// </summary>
    public SimulationResult Layout => _views[0];

    /// <summary>
    /// Simulates every trial once more and hands the chunks to <paramref name="consume"/> wave by wave: the views of
    /// <c>count</c> chunks in trial order, and the rows of each (every chunk but the run's last is full). The waves are
    /// pipelined: while the consumer takes one wave, the next is simulated into the other set of buffers, so neither
    /// stage waits for the other's slowest thread. The consumer still sees the waves one at a time and in trial order.
    /// </summary>
    /// <exception cref="OperationCanceledException">When the run's token fires.</exception>
    public void Pass(Action<ReadOnlyMemory<SimulationResult>, ReadOnlyMemory<int>> consume)
    {
        var progress = _options.Progress;
        ArgumentNullException.ThrowIfNull(consume);
        var first = Passes == 0;
        Passes++;
        var rows = (int)_options.Trials;
        var chunks = (rows + _chunkSize - 1) / _chunkSize;
        var perWave = ChunksPerWave;
        // Worker i fills buffer i: waves alternate between buffers [0, perWave) and [perWave, 2 perWave).
        var workers = new TrialWorker[_buffers.Length];
        for (var i = 0; i < workers.Length; i++) workers[i] = new TrialWorker(Plan, _buffers[i], _options.Seed);
        var counts = new int[_buffers.Length];
        var parallel = new ParallelOptions { CancellationToken = _options.CancellationToken, MaxDegreeOfParallelism = _threads };
        Task? consuming = null;
        try
        {
            for (var wave = 0; wave * perWave < chunks; wave++)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                var firstChunk = wave * perWave;
                var set = (wave & 1) * perWave;
                var n = Math.Min(perWave, chunks - firstChunk);
                Parallel.For(0, n, parallel, i =>
                {
                    var row = (firstChunk + i) * _chunkSize;
                    var count = Math.Min(_chunkSize, rows - row);
                    counts[set + i] = count;
                    workers[set + i].RunRange(_options.FirstTrial + row, 0, count);
                });
                // The previous wave's consumer is done before this one's starts (trial order), and before the buffers it
                // read are simulated into again (the next wave).
                consuming?.GetAwaiter().GetResult();
                consuming = null;
                if (first) progress?.Report(Math.Min(rows, (long)(firstChunk + n) * _chunkSize));
                var views = _views.AsMemory(set, n);
                var rowCounts = counts.AsMemory(set, n);
                consuming = Task.Run(() => consume(views, rowCounts));
            }
            consuming?.GetAwaiter().GetResult();
            consuming = null;
        }
        finally
        {
            // On a failure or cancellation: no consumer is left running over the buffers when the exception leaves.
            if (consuming is not null)
                try { consuming.Wait(); }
                catch (AggregateException) { }
        }
        if (!first) return;
        foreach (var worker in workers)
            for (var i = 0; i < Occupancy.Length; i++) Occupancy[i] += worker.Occupancy[i];
    }
}
