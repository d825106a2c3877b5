/*
 * The raw LMDB limit on this machine, for tools/bench to compare the ledger against.
 *
 *   lmdb-raw put  DIR COUNT PER_COMMIT   one 512-byte put per event, MDB_APPEND, default sync
 *   lmdb-raw scan DIR                    a cursor over every record (touching each byte)
 *
 * Prints one line: "<operations> <seconds>".
 */
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(int rc, const char *what) {
    if (rc != 0) {
        fprintf(stderr, "lmdb-raw: %s: %s\n", what, mdb_strerror(rc));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: lmdb-raw put DIR COUNT PER_COMMIT | lmdb-raw scan DIR\n");
        return 2;
    }
    MDB_env *env;
    MDB_dbi dbi;
    MDB_txn *txn;
    check(mdb_env_create(&env), "create");
    check(mdb_env_set_mapsize(env, (size_t)64 << 30), "mapsize");
    check(mdb_env_set_maxdbs(env, 4), "maxdbs");
    check(mdb_env_open(env, argv[2], MDB_NOTLS, 0644), "open");
    if (strcmp(argv[1], "put") == 0 && argc == 5) {
        long count = atol(argv[3]), per = atol(argv[4]);
        unsigned char value[512];
        memset(value, 'x', sizeof value);
        double start = now();
        long done = 0;
        while (done < count) {
            check(mdb_txn_begin(env, NULL, 0, &txn), "begin");
            check(mdb_dbi_open(txn, "events", MDB_CREATE, &dbi), "dbi");
            for (long i = 0; i < per && done < count; i++, done++) {
                unsigned char key[8];
                for (int b = 0; b < 8; b++) key[b] = (unsigned char)(done >> (56 - 8 * b));
                MDB_val k = {8, key}, v = {sizeof value, value};
                check(mdb_put(txn, dbi, &k, &v, MDB_APPEND), "put");
            }
            check(mdb_txn_commit(txn), "commit");
        }
        printf("%ld %.6f\n", count, now() - start);
    } else if (strcmp(argv[1], "scan") == 0) {
        MDB_cursor *cursor;
        MDB_val k, v;
        unsigned long sum = 0;
        long n = 0;
        double start = now();
        check(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), "begin");
        check(mdb_dbi_open(txn, "events", 0, &dbi), "dbi");
        check(mdb_cursor_open(txn, dbi, &cursor), "cursor");
        while (mdb_cursor_get(cursor, &k, &v, n == 0 ? MDB_FIRST : MDB_NEXT) == 0) {
            const unsigned char *p = v.mv_data;
            for (size_t i = 0; i < v.mv_size; i += 64) sum += p[i];
            n++;
        }
        mdb_txn_abort(txn);
        printf("%ld %.6f\n", n, now() - start);
        if (sum == 42) fprintf(stderr, "\n");  /* keeps the reads from being optimised away */
    } else {
        fprintf(stderr, "lmdb-raw: unknown mode %s\n", argv[1]);
        return 2;
    }
    mdb_env_close(env);
    return 0;
}
