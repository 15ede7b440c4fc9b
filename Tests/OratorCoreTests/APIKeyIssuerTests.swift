import OratorCore
import Testing

@Suite("APIKeyIssuer")
struct APIKeyIssuerTests {
  let account = ResourceID("0123456789abcdef0123456789abcdef")!

  @Test func keysAreReadableAndOnlyTheirHashIsKept() {
    let issued = APIKeyIssuer().issue(for: account, label: "laptop", createdAt: 100)
    #expect(issued.key.hasPrefix("orator_"))
    #expect(issued.key.count == 7 + 32)
    #expect(issued.key.dropFirst(7).allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
    #expect(issued.hash == APIKeyHash(key: issued.key))
    #expect(issued.hash.hex.count == 64)
    #expect(!issued.hash.hex.contains(issued.key))
    #expect(issued.record.accountId == account)
    #expect(issued.record.label == "laptop" && issued.record.createdAt == 100)
    #expect(issued.record.hint == String(issued.key.suffix(4)))
    #expect(!issued.record.isRevoked)
  }

  @Test func everyKeyIsNew() {
    let issuer = APIKeyIssuer()
    let keys = (0..<20).map { _ in issuer.issue(for: account, label: "", createdAt: 0).key }
    #expect(Set(keys).count == 20)
  }

  @Test func hashIsSHA256Hex() {
    // SHA-256 of "abc", the FIPS 180-2 test vector.
    #expect(
      APIKeyHash(key: "abc").hex
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(APIKeyHash(hex: APIKeyHash(key: "abc").hex) == APIKeyHash(key: "abc"))
    #expect(APIKeyHash(hex: "BA7816BF") == nil)
  }
}
