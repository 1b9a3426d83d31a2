using System.Runtime.InteropServices;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM (<c>timeout</c>, <c>docker stop</c>, a cancelled CI job) and SIGHUP (the terminal closed)
/// are handled alike: the first one cancels <see cref="Token"/>, so the command stops at its next check, removes its
/// temporary files and exits with <see cref="Cli.ExitCode.Interrupted"/>; a second signal of the same kind ends the process at once.
/// </summary>
internal sealed class Interruption : IDisposable
{

    private readonly CancellationTokenSource _cancel;
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Interruption(CancellationToken linked = default)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(linked);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (Exception e) when (e is PlatformNotSupportedException or IOException)
            {
                // Not every platform has every signal (Windows has no SIGHUP registration in some hosts).
            }
        }
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The signal that interrupted the command, if any.</summary>
    public PosixSignal? Signal { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested) return; // the second signal: let the default action end the process
        context.Cancel = true;
        Signal = context.Signal;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cancel.Dispose();
    }
}
