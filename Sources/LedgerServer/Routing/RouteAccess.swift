/// Who may call a route.
public enum RouteAccess: Sendable, Hashable {
    /// No token needed (health, readiness, the API document).
    case everyone
    /// A token of one of these roles.
    case roles(Set<Role>)

    /// Admits `principal` or throws the 401 or 403 problem.
    func admit(_ principal: Principal?) throws(Problem) {
        guard case .roles(let roles) = self else { return }
        guard let principal else {
            throw Problem.unauthorized("This route needs a bearer token (Authorization: Bearer <token>).")
        }
        guard roles.contains(principal.role) else {
            let names = roles.map(\.rawValue).sorted().joined(separator: ", ")
            throw Problem(.forbidden, detail: "A \(principal.role.rawValue) key may not use this route; it needs one of: \(names).",
                          members: [.string("role", principal.role.rawValue)])
        }
    }

    /// Whether a key of `role` gets past this route's check.
    public func admits(_ role: Role?) -> Bool {
        switch self {
        case .everyone: true
        case .roles(let roles): role.map(roles.contains) ?? false
        }
    }
}
