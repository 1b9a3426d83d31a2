using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Alibaba.ChipSim.Benchmarks.DistributionBenchmarks).Assembly).Run(args);
