/// How the HTTP server behaves: a value handed to `LedgerServer`; nothing is read from globals.
public struct LedgerServerConfiguration: Sendable, Equatable {
    /// Loopback by default: put a TLS-terminating reverse proxy in front to serve others.
    public var host = "127.0.0.1"
    /// 0 picks a free port (the server reports which).
    public var port = 8080
    /// The largest request body; larger ones are refused with 413 before being read in full.
    public var maxBodyBytes = 16 << 20
    /// How often an idle subscription gets a heartbeat comment.
    public var heartbeatInterval: Duration = .seconds(15)
    /// Messages buffered per subscriber before a client that does not keep up is disconnected.
    public var subscriberBuffer = 1024
    /// Bytes the kernel may hold unsent for one subscriber (its socket's send buffer). Without a
    /// bound, Linux grows it up to `net.ipv4.tcp_wmem`'s maximum (4–32 MB), so a client that has
    /// stopped reading would look like one keeping up until all of that filled. 1 MiB still
    /// carries a catch-up read at 20 MB/s over a 50 ms round trip.
    public var subscriberSocketBuffer = 1 << 20
    public var defaultPageSize = 100
    public var maxPageSize = 1000

    public init() {}
}
