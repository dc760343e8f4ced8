// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "slipway",
    // Linux only (Debian's toolchain and ncursesw): signal handling, /proc reads and Glibc imports are Linux's.
    // macOS would need Darwin imports beside the Glibc ones, sysctl/libproc for process liveness and start
    // times instead of /proc, and Homebrew's ncurses (see README "Platform").
    products: [
        .executable(name: "slipway", targets: ["slipway"]),
        .library(name: "SlipwayKit", targets: ["SlipwayKit"]),
        .library(name: "SlipwayTUI", targets: ["SlipwayTUI"]),
    ],
    targets: [
        .target(name: "SlipwayKit"),
        // ncursesw from Debian's libncurses-dev; no pkgConfig (its -D_XOPEN_SOURCE flag is refused by SwiftPM).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // posix_spawn helpers Glibc does not export to Swift, for the tmux test harness.
        .target(name: "CSpawn", path: "Sources/CSpawn"),
        .target(name: "SlipwayTUI", dependencies: ["SlipwayKit", "CNcursesw"]),
        .executableTarget(name: "slipway", dependencies: ["SlipwayKit", "SlipwayTUI"]),
        .testTarget(name: "SlipwayKitTests", dependencies: ["SlipwayKit"]),
        .testTarget(name: "SlipwayTUITests", dependencies: ["SlipwayTUI", "SlipwayKit", "CSpawn"],
                    exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v6]
)
