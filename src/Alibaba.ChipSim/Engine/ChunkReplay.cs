using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// A run that keeps no per-trial column: its trials are simulated wave by wave into a few chunk-sized buffers and handed,
/// in trial order, to a consumer, as often as the consumer asks (each time a <see cref="Pass"/>). Every draw is keyed by
/// (seed, trial, what is drawn) and the plan (with its sampling design) is built once, so every pass sees the very same
/// values, and the same values as <see cref="SimulationEngine.Run"/> puts in its columns. Memory is the buffers of
/// <see cref="BufferSets"/> waves: <see cref="BufferSets"/> × <see cref="ChunksPerWave"/> × <see cref="SimulationEngine.ChunkSize"/> rows (<see cref="ChunkRows"/>), whatever the trial count.
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
        _threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        ChunksPerWave = 4 * _threads;
        // BufferSets waves' buffers: the workers fill one set while the consumer takes another (Pass).
        _buffers = new OutcomeColumns[BufferSets * ChunksPerWave];
        _views = new SimulationResult[_buffers.Length];
        for (var i = 0; i < _buffers.Length; i++)
        {
            _buffers[i] = new OutcomeColumns(Plan, chunkSize);
            _views[i] = _buffers[i].ToResult(Plan, options.Seed, ImmutableArray<StateOccupancy>.Empty);
        }
        Occupancy = new long[Plan.Months * Plan.TotalStates];
        if (Plan.History is { } history)
        {
            WeightedOccupancy = new Int128[Occupancy.Length];
            ObservationMatches = new long[history.ObservationNames.Length + 1];
        }
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

    /// <summary>A run conditioned on history: the weighted trials in each (month, flattened state), from the first pass.</summary>
    internal Int128[]? WeightedOccupancy { get; }

    /// <summary>A run conditioned on history: the trials matching each observation, then all at once (<see cref="TrialWorker.ObservationMatches"/>), from the first pass.</summary>
    internal long[] ObservationMatches { get; } = [];

    /// <summary>
    /// The layout of every chunk handed to a consumer: the column names and kinds of a <see cref="SimulationResult"/>
    /// (its arrays are one chunk's buffers, <see cref="SimulationEngine.ChunkSize"/> rows long).
    /// </summary>
    public SimulationResult Layout => _views[0];

    /// <summary>
    /// Simulates every trial once more and hands the chunks to <paramref name="consume"/> wave by wave: the views of
    /// <c>count</c> chunks in trial order, and the rows of each (every chunk but the run's last is full). The stages overlap:
    /// the workers take the chunks one after another from a shared counter, into <see cref="BufferSets"/> sets of
    /// buffers used in turn, while the calling thread consumes the finished waves. No worker waits at the end of a wave
    /// for the others, only for the consumer to free the set its next chunk goes into. The consumer still sees the waves
    /// one at a time and in trial order.
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
        var waves = (chunks + perWave - 1) / perWave;
        var token = _options.CancellationToken;
        // One worker per buffer (its occupancy counts stay with it): chunk c goes into buffer c mod perWave of set
        // (c / perWave) mod BufferSets, and a buffer holds one chunk at a time, whichever thread simulates it.
        var workers = new TrialWorker[_buffers.Length];
        for (var i = 0; i < workers.Length; i++) workers[i] = new TrialWorker(Plan, _buffers[i], _options.Seed);
        var counts = new int[_buffers.Length];
        var pipeline = new Pipeline(chunks, perWave);
        var running = new Task[Math.Min(_threads, chunks)];
        for (var t = 0; t < running.Length; t++)
            running[t] = Task.Factory.StartNew(() =>
            {
                try
                {
                    while (pipeline.NextChunk(token) is var chunk and >= 0)
                    {
                        var buffer = chunk / perWave % BufferSets * perWave + chunk % perWave;
                        var row = chunk * _chunkSize;
                        var count = Math.Min(_chunkSize, rows - row);
                        counts[buffer] = count;
                        workers[buffer].RunRange(_options.FirstTrial + row, 0, count);
                        pipeline.Done(chunk);
                    }
                }
                catch (Exception e)
                {
                    pipeline.Fail(e);
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            for (var wave = 0; wave < waves; wave++)
            {
                pipeline.WaitForWave(wave, token);
                var firstChunk = wave * perWave;
                var n = Math.Min(perWave, chunks - firstChunk);
                if (first) progress?.Report(Math.Min(rows, (long)(firstChunk + n) * _chunkSize));
                var set = wave % BufferSets * perWave;
                consume(_views.AsMemory(set, n), counts.AsMemory(set, n));
                pipeline.Consumed(wave);
            }
        }
        finally
        {
            // On a failure or cancellation: no worker is left running over the buffers when the exception leaves.
            pipeline.Stop();
            Task.WaitAll(running);
        }
        pipeline.ThrowIfFailed();
        if (!first) return;
        foreach (var worker in workers)
        {
            for (var i = 0; i < Occupancy.Length; i++) Occupancy[i] += worker.Occupancy[i];
            for (var i = 0; i < ObservationMatches.Length; i++) ObservationMatches[i] += worker.ObservationMatches[i];
            if (WeightedOccupancy is { } weighted)
                for (var i = 0; i < weighted.Length; i++) weighted[i] += worker.WeightedOccupancy![i];
        }
    }

    /// <summary>
    /// Sets of a wave's buffers used in turn. Two: the workers fill one while the consumer takes the other (a third let the
    /// workers run further ahead, but the consumer then read its wave back from memory instead of the cache, and the runs
    /// were no faster).
    /// </summary>
    internal const int BufferSets = 2;

    /// <summary>
    /// Which chunk comes next and which wave is ready, under one lock (a wave's events are milliseconds apart): chunk c
    /// belongs to wave w = c / perWave, whose buffers are free once wave w − <see cref="BufferSets"/> is consumed.
    /// </summary>
    private sealed class Pipeline(int chunks, int perWave)
    {
        private readonly object _gate = new();
        private readonly int[] _left = Enumerable.Range(0, (chunks + perWave - 1) / perWave)
            .Select(w => Math.Min(perWave, chunks - w * perWave)).ToArray();
        private int _next;
        private int _consumed; // waves consumed so far
        private bool _stopped;
        private Exception? _failure;

        /// <summary>The next chunk, once its buffers are free; −1 when none is left or the pass stops.</summary>
        public int NextChunk(CancellationToken token)
        {
            lock (_gate)
            {
                if (_stopped || _next >= chunks) return -1;
                var chunk = _next++;
                while (!_stopped && chunk / perWave - BufferSets >= _consumed)
                {
                    if (token.IsCancellationRequested) Stop();
                    else Monitor.Wait(_gate, 50);
                }
                return _stopped ? -1 : chunk;
            }
        }

        public void Done(int chunk)
        {
            lock (_gate)
                if (--_left[chunk / perWave] == 0) Monitor.PulseAll(_gate);
        }

        /// <summary>Waits until every chunk of <paramref name="wave"/> is simulated; throws a worker's failure or the cancellation.</summary>
        public void WaitForWave(int wave, CancellationToken token)
        {
            lock (_gate)
                while (_left[wave] > 0 && _failure is null && !token.IsCancellationRequested) Monitor.Wait(_gate, 50);
            ThrowIfFailed();
            token.ThrowIfCancellationRequested();
        }

        public void Consumed(int wave)
        {
            lock (_gate)
            {
                _consumed = wave + 1;
                Monitor.PulseAll(_gate);
            }
        }

        public void Fail(Exception e)
        {
            lock (_gate)
            {
                _failure ??= e;
                Stop();
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void ThrowIfFailed()
        {
            if (_failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
