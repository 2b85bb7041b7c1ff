namespace Pure.Shell.Tour;

/// <summary>One idea of the fundamentals, demonstrated by a run: it measures, tabulates and draws.</summary>
public interface ITourTopic
{
    string Name { get; }
    string Title { get; }
    TopicReport Run(TourContext context);
}
