// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "slipway",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "slipway", targets: ["slipway"]),
        .library(name: "SlipwayKit", targets: ["SlipwayKit"]),
    ],
    targets: [
        .target(name: "SlipwayKit"),
        .executableTarget(name: "slipway", dependencies: ["SlipwayKit"]),
        .testTarget(name: "SlipwayKitTests", dependencies: ["SlipwayKit"]),
    ],
    swiftLanguageModes: [.v6]
)
