using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>The merged document of a scenario and the files it extends.</summary>
internal sealed record ResolvedSource(YMap Root, ImmutableArray<string> Files, string Sha256);

/// <summary>
/// Follows <c>extends</c> from a scenario file to its ancestors and merges them: maps merge deeply,
/// lists and scalars replace, a distribution (a mapping with <c>dist</c>) is one value replaced whole.
/// Every merged node keeps the position it had in its own file.
/// </summary>
internal static class ExtendsResolver
{
    public const int MaxChain = 32;

    /// <summary>
    /// Resolves the chain from <paramref name="file"/>. Unless <paramref name="allowOutside"/>, every file extended must lie in
    /// the folder tree of <paramref name="file"/> (the scenario named on the command line), symbolic links followed: a scenario
    /// from a pull request must not make chipsim read the machine's other files.
    /// </summary>
    public static ResolvedSource? Resolve(string file, byte[] bytes, DiagnosticBag diagnostics, bool allowOutside = false)
    {
        var tree = RealPath(Path.GetDirectoryName(FullPath(file)) ?? FullPath("."));
        var chain = new List<(string Display, string Full)>();
        var maps = new List<YMap>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var display = file;
        while (true)
        {
            hash.AppendData(bytes);
            chain.Add((display, FullPath(display)));
            var root = Parse(display, bytes, diagnostics);
            if (root is null) return null;
            maps.Add(root.Without("extends"));
            if (root.Find("extends") is not { } extends) break;

            if (extends.Value is not YScalar { IsNull: false } target || target.Text.Trim().Length == 0)
            {
                diagnostics.Error(extends.Value.Location, "extends", $"expected the path of a scenario file, relative to this one (got {extends.Value.Describe()})");
                return null;
            }
            var parent = Tidy(Path.Combine(Path.GetDirectoryName(display) ?? "", target.Text.Trim()));
            var parentFull = FullPath(parent);
            var extension = Path.GetExtension(parentFull);
            if (!extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(target.Location, "extends", "extends names a scenario file, ending in .yaml or .yml; this path does not");
                return null;
            }
            if (!allowOutside && !IsInside(RealPath(parentFull), tree))
            {
                diagnostics.Error(target.Location, "extends",
                    $"{parent} is outside {tree}, the folder of the scenario named on the command line; extends stays inside that folder tree (pass --allow-extends-outside to allow it)");
                return null;
            }
            if (chain.Any(c => string.Equals(c.Full, parentFull, StringComparison.Ordinal)))
            {
                var cycle = string.Join(" -> ", chain.Select(c => c.Display).Append(parent));
                diagnostics.Error(target.Location, "extends", $"extends cycle: {cycle}");
                return null;
            }
            if (chain.Count >= MaxChain)
            {
                diagnostics.Error(target.Location, "extends", $"extends chain longer than {MaxChain} files");
                return null;
            }
            var parentBytes = SourceText.ReadFile(parent, target.Location, "extends", diagnostics);
            if (parentBytes is null) return null;
            bytes = parentBytes;
            display = parent;
        }

        var merged = maps[^1];
        for (var i = maps.Count - 2; i >= 0; i--) merged = Merge(merged, maps[i], "", diagnostics);
        return new ResolvedSource(merged, chain.Select(c => c.Display).ToImmutableArray(), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Collapses "." and "dir/.." so that messages show <c>scenarios/base.yaml</c>, relative paths staying relative.</summary>
    private static string Tidy(string path)
    {
        if (Path.IsPathRooted(path)) return FullPath(path);
        var parts = new List<string>();
        foreach (var part in path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (part is "." or "") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return parts.Count == 0 ? "." : string.Join(Path.DirectorySeparatorChar, parts);
    }

    private static bool IsInside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(prefix, comparison);
    }

    /// <summary>The full path with every symbolic link along it followed (a link inside the tree may point out of it).</summary>
    internal static string RealPath(string path)
    {
        var full = FullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var changed = false;
            var current = Path.GetPathRoot(full) ?? "";
            foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(current, part);
                string? link = null;
                try
                {
                    link = new FileInfo(next).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
                {
                }
                if (link is not null)
                {
                    next = FullPath(Path.Combine(current, link));
                    var rest = full[(Path.Combine(current, part).Length)..].TrimStart(Path.DirectorySeparatorChar);
                    full = rest.Length == 0 ? next : Path.Combine(next, rest);
                    changed = true;
                    break;
                }
                current = next;
            }
            if (!changed) return full;
        }
        return full;
    }

    private static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private static YMap? Parse(string file, byte[] bytes, DiagnosticBag diagnostics)
    {
        var text = SourceText.Decode(bytes, file, diagnostics);
        if (text is null) return null;
        var root = YamlTreeReader.Read(text, file, diagnostics);
        if (root is null or YMap) return (YMap?)root;
        diagnostics.Error(root.Location, "", $"a scenario file is a mapping of keys (name:, calendar:, simulation:, …); this one holds {root.Describe()}");
        return null;
    }

    /// <summary>The child's entries over the parent's: the parent's order first, the child's new keys after.</summary>
    internal static YMap Merge(YMap parent, YMap child, string path, DiagnosticBag diagnostics)
    {
        var entries = parent.Entries.ToBuilder();
        foreach (var c in child.Entries)
        {
            var i = 0;
            while (i < entries.Count && entries[i].Name != c.Name) i++;
            if (i == entries.Count) i = -1;
            if (i < 0)
            {
                entries.Add(c);
                continue;
            }
            var keyPath = path.Length == 0 ? c.Name : path + "." + c.Name;
            entries[i] = c with { Value = MergeValue(entries[i].Value, c.Value, keyPath, diagnostics) };
        }
        return new YMap(child.Location, entries.ToImmutable());
    }

    private static YNode MergeValue(YNode parent, YNode child, string path, DiagnosticBag diagnostics)
    {
        if (parent is not YMap p || child is not YMap c) return child;
        if (c.IsDistribution) return c;
        if (!p.IsDistribution) return Merge(p, c, path, diagnostics);
        // A partial distribution: ask for the whole one, showing what the merge would have meant.
        var example = string.Join(", ", Merge(p, c, path, new DiagnosticBag()).Entries.Select(e => $"{e.Name}: {Flow(e.Value)}"));
        diagnostics.Error(c.Location, path,
            $"a distribution is replaced whole, and this override has no 'dist'; write the whole distribution, e.g. {{ {example} }} (the one it overrides is at {p.Location})");
        return p;
    }

    private static string Flow(YNode node) => node switch
    {
        // Only numbers and distribution names are shown: nothing else of a file is quoted in a message.
        YScalar s => s.Describe() == s.Text || Validation.DistributionKinds.Find(s.Text) is not null ? s.Text : "…",
        YList l => "[" + string.Join(", ", l.Items.Select(Flow)) + "]",
        _ => "{…}",
    };
}
