import Foundation
import LMDB

/// Which databases a ledger keeps and what they mean, recorded in `meta` under `layout`.
///
/// The record bytes never change with the layout (they are fixed by Schemas/record-format.md);
/// only the indexes beside them do. Opening checks the layout first, so a program never reads or
/// writes indexes it does not understand.
enum StorageLayout {
    /// Layout 2: a stream's version comes from the stream index; the stream count is in `meta`.
    static let current: UInt8 = 2

    /// Stamps a new ledger with the current layout, inside its first transaction.
    static func stamp(_ txn: WriteTransaction, dbs: LedgerDatabases) throws {
        try txn.put([current], for: LedgerKey.layout, in: dbs.meta)
        try txn.put([UInt8].bigEndian(UInt64(0)), for: LedgerKey.streamCount, in: dbs.meta)
    }

    /// Refuses a layout this program does not know; upgrades layout 1 when opened for writing.
    static func prepare(_ environment: Environment, dbs: LedgerDatabases, directory: String, writable: Bool) throws {
        let found: UInt8 = try environment.read { txn in
            guard let bytes = try txn.get(LedgerKey.layout, in: dbs.meta) else { return 1 }
            return bytes.count == 1 ? bytes[0] : 0
        }
        if found == current { return }
        guard found == 1 else {
            throw EventLogError.storage("the ledger in \(directory) has storage layout \(found), which this civic-ledger does not know (it reads layout \(current)); open it with the civic-ledger that wrote it")
        }
        guard writable else {
            throw EventLogError.storage("the ledger in \(directory) has the old storage layout 1; open it once with a writing command (such as `civic-ledger serve`) to upgrade it to layout \(current)")
        }
        try upgradeFromLayout1(environment, dbs: dbs)
    }

    /// Layout 1 kept each stream's version in a `streams` table: count it, empty it, record layout 2.
    private static func upgradeFromLayout1(_ environment: Environment, dbs: LedgerDatabases) throws {
        guard let streams = try environment.openDatabases(["streams"])["streams"] else { return }
        try environment.write { txn in
            let count = try txn.count(of: streams)
            try txn.put([UInt8].bigEndian(UInt64(count)), for: LedgerKey.streamCount, in: dbs.meta)
            try txn.clear(streams)
            try txn.put([current], for: LedgerKey.layout, in: dbs.meta)
        }
    }
}
