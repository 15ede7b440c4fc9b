// swift-tools-version: 6.1
import PackageDescription

/// The service, its render engine and its stores need the packages below that are marked
/// `condition: server`; the OratorKit SDK needs none of them. They are used only with the
/// `Server` trait, on by default. An app that depends on OratorKit alone turns the default off
/// (`.package(url: "…", from: "0.9.0", traits: [])`), and SwiftPM then neither fetches nor
/// builds them.
let server = TargetDependencyCondition.when(traits: ["Server"])

let package = Package(
  name: "Orator",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "orator", targets: ["orator"]),
    .library(name: "HeyGenAPI", targets: ["HeyGenAPI"]),
    .library(name: "OratorKit", targets: ["OratorKit"]),
    .library(name: "OratorRender", targets: ["OratorRender"]),
  ],
  traits: [
    .trait(
      name: "Server",
      description: "The orator service and renderer with their dependencies (on by default)."),
    .default(enabledTraits: ["Server"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
  ],
  targets: [
    // System libraries found through pkg-config (Debian: libespeak-ng-dev, libcairo2-dev).
    .systemLibrary(
      name: "CEspeak", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

    .target(name: "HeyGenAPI"),
    // The release string, shared by the service and the SDK.
    .target(name: "OratorRelease"),
    .target(
      name: "OratorKit",
      dependencies: [
        "HeyGenAPI", "OratorRelease",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "OratorCore",
      dependencies: [
        "HeyGenAPI", "OratorRelease", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "OratorSQLite",
      dependencies: [
        "OratorCore", .product(name: "GRDB", package: "GRDB.swift", condition: server),
      ]
    ),
    .target(
      name: "OratorPostgres",
      dependencies: [
        "HeyGenAPI", "OratorCore",
        .product(name: "PostgresNIO", package: "postgres-nio", condition: server),
      ]
    ),
    .target(
      name: "OratorRender",
      dependencies: [
        "HeyGenAPI", "OratorCore", "CEspeak", "CCairo",
        .product(name: "Subprocess", package: "swift-subprocess", condition: server),
        .product(name: "SystemPackage", package: "swift-system", condition: server),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      resources: [
        .copy("Avatars/BuiltIn"), .copy("TalkingPhoto/FaceMesh"), .copy("Speech/Piper/Sidecar"),
      ]
    ),
    .target(
      name: "OratorTranslate",
      dependencies: [
        "OratorCore", "OratorRender",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Subprocess", package: "swift-subprocess", condition: server),
      ],
      resources: [.copy("Sidecar")]
    ),
    .target(
      name: "OratorServer",
      dependencies: [
        "HeyGenAPI", "OratorCore", "OratorSQLite", "OratorPostgres", "OratorRender",
        "OratorTranslate",
        .product(name: "Hummingbird", package: "hummingbird", condition: server),
        .product(name: "HTTPTypes", package: "swift-http-types", condition: server),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "MultipartKit", package: "multipart-kit", condition: server),
        .product(name: "Metrics", package: "swift-metrics", condition: server),
        .product(name: "Prometheus", package: "swift-prometheus", condition: server),
      ],
      resources: [.copy("Studio/Web")]
    ),
    .executableTarget(
      name: "orator",
      dependencies: [
        "HeyGenAPI", "OratorCore", "OratorKit", "OratorPostgres", "OratorRender", "OratorServer",
        "OratorSQLite",
        .product(name: "ArgumentParser", package: "swift-argument-parser", condition: server),
        .product(name: "Configuration", package: "swift-configuration", condition: server),
        .product(name: "SystemPackage", package: "swift-system", condition: server),
      ]
    ),
    .executableTarget(
      name: "orator-bench",
      dependencies: [
        "HeyGenAPI", "OratorCore", "OratorRender", "OratorTranslate", "CCairo",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      path: "Benchmarks/orator-bench"
    ),

    .testTarget(name: "HeyGenAPITests", dependencies: ["HeyGenAPI"]),
    .testTarget(name: "OratorCoreTests", dependencies: ["OratorCore"]),
    // The store contract, written once over `any Store` and run by both stores' suites, and
    // the throwaway databases the PostgreSQL tests run on.
    .target(
      name: "OratorStoreContract",
      dependencies: [
        "OratorCore", "OratorPostgres",
        .product(name: "PostgresNIO", package: "postgres-nio", condition: server),
      ],
      path: "Tests/OratorStoreContract"
    ),
    .testTarget(
      name: "OratorSQLiteTests",
      dependencies: ["OratorSQLite", "OratorCore", "OratorStoreContract"]),
    .testTarget(
      name: "OratorPostgresTests",
      dependencies: [
        "OratorPostgres", "OratorCore", "OratorStoreContract",
        .product(name: "PostgresNIO", package: "postgres-nio", condition: server),
      ]
    ),
    .testTarget(
      name: "OratorRenderTests",
      dependencies: [
        "OratorRender", "HeyGenAPI", "OratorCore",
        .product(name: "Subprocess", package: "swift-subprocess", condition: server),
      ]
    ),
    .testTarget(
      name: "OratorTranslateTests",
      dependencies: [
        "OratorTranslate", "OratorRender",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird", condition: server),
        .product(name: "Subprocess", package: "swift-subprocess", condition: server),
      ]
    ),
    .testTarget(name: "OratorCLITests", dependencies: ["HeyGenAPI", "orator"]),
    .testTarget(
      name: "OratorServerTests",
      dependencies: [
        "HeyGenAPI", "OratorCore", "OratorKit", "OratorStoreContract", "orator",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird", condition: server),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      // HeyGen's v3 response schemas, read by the contract tests from the source tree.
      exclude: ["Contract"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
