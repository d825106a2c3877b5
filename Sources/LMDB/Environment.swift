import CLMDB
import Glibc

/// An open LMDB environment: one directory with `data.mdb` and `lock.mdb`.
///
/// Safe to share between threads. Read transactions use `MDB_NOTLS`, so they are not tied to the
/// thread that began them; the one write transaction is begun and ended on the caller's thread.
public final class Environment: @unchecked Sendable {
    public struct Options: Sendable {
        /// The initial map size in bytes. The file is sparse: this is address space, not disk.
        public var mapSize: Int = 1 << 30
        public var maxDatabases: UInt32 = 16
        public var maxReaders: UInt32 = 510
        public var readOnly = false
        /// `MDB_NOMETASYNC`: skip the meta page fsync; a crash may lose the last commit, never corrupts.
        public var relaxedDurability = false
        public init() {}
    }

    let handle: OpaquePointer
    public let path: String
    public let isReadOnly: Bool
    /// Guards the map size: every transaction holds it shared, resizing holds it exclusively,
    /// because LMDB requires that no transaction of this process is active while the map changes.
    private let mapLock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    public init(path: String, options: Options = .init()) throws(LMDBError) {
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: ENOMEM, operation: "mdb_env_create") }
        self.handle = env
        self.path = path
        self.isReadOnly = options.readOnly
        var attr = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attr)
        pthread_rwlockattr_setkind_np(&attr, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        pthread_rwlock_init(mapLock, &attr)
        pthread_rwlockattr_destroy(&attr)
        do {
            try check(mdb_env_set_mapsize(env, options.mapSize), "mdb_env_set_mapsize")
            try check(mdb_env_set_maxdbs(env, options.maxDatabases), "mdb_env_set_maxdbs")
            try check(mdb_env_set_maxreaders(env, options.maxReaders), "mdb_env_set_maxreaders")
            var flags = UInt32(MDB_NOTLS)
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            if options.relaxedDurability { flags |= UInt32(MDB_NOMETASYNC) }
            try check(mdb_env_open(env, path, flags, 0o640), "opening the LMDB environment at \(path)")
            // Reader slots of crashed processes would pin old pages forever; clear them at open.
            var dead: Int32 = 0
            mdb_reader_check(env, &dead)
        } catch {
            mdb_env_close(env)
            pthread_rwlock_destroy(mapLock)
            mapLock.deallocate()
            throw error
        }
    }

    deinit {
        mdb_env_close(handle)
        pthread_rwlock_destroy(mapLock)
        mapLock.deallocate()
    }

    /// The current map size in bytes.
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// Grows the map to `bytes`, waiting until no transaction of this process is active.
    public func setMapSize(_ bytes: Int) throws(LMDBError) {
        pthread_rwlock_wrlock(mapLock)
        defer { pthread_rwlock_unlock(mapLock) }
        try check(mdb_env_set_mapsize(handle, bytes), "mdb_env_set_mapsize(\(bytes))")
    }

    /// Flushes buffers to disk (after relaxed commits).
    public func sync() throws(LMDBError) {
        try check(mdb_env_sync(handle, 1), "mdb_env_sync")
    }

    /// A consistent, compacted copy of the environment into an existing empty directory,
    /// taken from a read snapshot so writers go on meanwhile.
    public func copy(to directory: String) throws(LMDBError) {
        pthread_rwlock_rdlock(mapLock)
        defer { pthread_rwlock_unlock(mapLock) }
        try check(mdb_env_copy2(handle, directory, UInt32(MDB_CP_COMPACT)), "copying the environment to \(directory)")
    }

    /// Size of the data file's used pages (last page number × page size) and of the map.
    public func usage() -> (usedBytes: Int, pageSize: Int) {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return ((info.me_last_pgno + 1) * Int(stat.ms_psize), Int(stat.ms_psize))
    }

    /// Runs `body` in a read-only snapshot. Keep it short: a long snapshot pins old pages.
    public func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        pthread_rwlock_rdlock(mapLock)
        defer { pthread_rwlock_unlock(mapLock) }
        let txn = try ReadTransaction(environment: self)
        defer { txn.finish() }
        return try body(txn)
    }

    /// Runs `body` in the write transaction and commits when it returns; aborts when it throws.
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        pthread_rwlock_rdlock(mapLock)
        defer { pthread_rwlock_unlock(mapLock) }
        let txn = try WriteTransaction(environment: self)
        do {
            let result = try body(txn)
            try txn.commit()
            return result
        } catch {
            txn.abort()
            throw error
        }
    }

    /// Adopts a map size grown by another process (after `MDB_MAP_RESIZED`).
    func adoptGrownMap() {
        pthread_rwlock_unlock(mapLock)
        pthread_rwlock_wrlock(mapLock)
        mdb_env_set_mapsize(handle, 0)
        pthread_rwlock_unlock(mapLock)
        pthread_rwlock_rdlock(mapLock)
    }
}
