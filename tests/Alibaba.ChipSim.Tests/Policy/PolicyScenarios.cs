using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;
using static Alibaba.ChipSim.Tests.Support.TestScenarios;

namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>Scenarios for the policy tests: the example of docs/scenario-format.md with other actors and calendars.</summary>
public static class PolicyScenarios
{
    public static Scenario WithActors(string start, int months, params ActorSpec[] actors) =>
        SpecExample() with
        {
            Name = "policy-test",
            Calendar = new CalendarSpec(Month.Parse(start), months, QuarterConvention.Fiscal),
            Actors = [.. actors],
        };

    /// <summary>
    /// Three actors with guards on each other (one with two entries), scheduled transitions (one guarded,
    /// two leaving one state in different months), a hazard drawn per trial and a distribution gate.
    /// </summary>
    public static Scenario ThreeActors()
    {
        var washington = Actor("washington", "rescinded",
            [
                State("washington", "rescinded", 0),
                State("washington", "licensed", 1),
                State("washington", "suspended", new UniformDistribution(0, 0.5)),
                State("washington", "reinstated", 0, final: true),
            ],
            Hazard("washington", "rescinded", "licensed", 0.25),
            Hazard("washington", "rescinded", "reinstated", 0.03),
            Hazard("washington", "licensed", "suspended", 0.05, new Guard("congress", "hostile")),
            Scheduled("licensed", "suspended", "2026-06", new Guard("congress", "hostile")),
            Hazard("washington", "suspended", "licensed", 0.3),
            Hazard("washington", "suspended", "reinstated", 0.1, new Guard("congress", "hostile"), new Guard("beijing", "approved")));
        var beijing = Actor("beijing", "under_review",
            [
                State("beijing", "under_review", 0),
                State("beijing", "approved", 1),
                State("beijing", "conditional", new UniformDistribution(0.3, 0.7)),
                State("beijing", "discouraged", 0),
                State("beijing", "banned", 0, final: true),
            ],
            Hazard("beijing", "under_review", "approved", 0.1),
            Hazard("beijing", "under_review", "conditional", new PertDistribution(0.1, 0.2, 0.3), new Guard("washington", "licensed")),
            Hazard("beijing", "under_review", "discouraged", 0.08),
            Scheduled("discouraged", "conditional", "2026-09"),
            Scheduled("discouraged", "under_review", "2027-03"),
            Hazard("beijing", "discouraged", "banned", 0.05),
            Hazard("beijing", "conditional", "approved", 0.15, new Guard("washington", "licensed")));
        var congress = Actor("congress", "neutral",
            [
                State("congress", "neutral", 1),
                State("congress", "hostile", 0.8),
                State("congress", "recess", 1),
            ],
            Hazard("congress", "neutral", "hostile", 0.1, new Guard("beijing", "approved")),
            Hazard("congress", "hostile", "neutral", 0.2),
            Scheduled("neutral", "recess", "2026-08"),
            Scheduled("hostile", "recess", "2026-08"),
            Scheduled("recess", "neutral", "2026-09"));
        return WithActors("2025-12", 25, washington, beijing, congress);
    }
}
