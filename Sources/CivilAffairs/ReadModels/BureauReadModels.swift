import Projections

/// Every read model of the bureau, as the service runs them.
public enum BureauReadModels {
    public static func all(settings: CivilAffairsSettings) -> [any Projection] {
        [ReliefCasesProjection(settings: settings), HouseholdsProjection(settings: settings), SocialWorkProjection(settings: settings),
         MarriageProjection(settings: settings), EldercareProjection(), WorkPlanProjection()]
    }
}
