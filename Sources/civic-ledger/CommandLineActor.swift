import Foundation

/// Who appends from the command line: the operating-system user, as `cli:<user>`.
/// Whoever can run the command can write the data directory, so the OS account is the identity.
enum CommandLineActor {
    static let name: String = {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        return "cli:" + (user.isEmpty ? "uid\(getuid())" : user)
    }()
}
