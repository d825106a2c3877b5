import Catalog
import CivilAffairs
import Projections

/// The projections and entity folds this build serves: `serve` runs them, and the
/// `projections` commands must know the same ones to read and rebuild what `serve` wrote
/// (with the same locality settings, which some read models use for deadlines).
enum ServedProjections {
    static func projections(settings: CivilAffairsSettings = CivilAffairsSettings()) -> [any Projection] {
        [StreamSummaryProjection()] + BureauReadModels.all(settings: settings)
    }

    static func folds(settings: CivilAffairsSettings = CivilAffairsSettings()) -> [any EntityFold] {
        [StreamFold()] + BureauFolds.all(settings: settings)
    }

    /// Every payload is read as the latest version of its type through the catalog's upcasters.
    static func upcasters(_ catalog: EventCatalog, json: Bool) throws -> Upcasters {
        do {
            return try Upcasters(catalog: catalog)
        } catch {
            throw CommandFailure(message: "The catalog's upcasters do not load: \(error).", code: "catalog-unavailable",
                                 exitCode: CommandFailure.storage, json: json)
        }
    }
}
