import XCTest
@testable import ReproReport

/// A claim checked in several scopes (kinds of network, readings of the paper) gets one verdict
/// that says where it holds; a caption states the numbers the profile used.
final class ScopedVerdictTests: XCTestCase {
    func scope(_ name: String, _ verdict: Verdict) -> ScopedVerdict {
        ScopedVerdict(scope: name, verdict: verdict, evidence: "")
    }

    func testCombinedVerdictNamesWhereTheClaimHolds() {
        XCTAssertEqual(ScopedVerdict.combined([scope("MLP", .holds), scope("VGG", .holds)]), .holds)
        XCTAssertEqual(ScopedVerdict.combined([scope("MLP", .doesNotHold),
                                               scope("VGG", .doesNotHold)]), .doesNotHold)
        let mixed = ScopedVerdict.combined([scope("MLP", .doesNotHold), scope("VGG", .holds),
                                            scope("ResNet", .holds)])
        XCTAssertEqual(mixed.text, "holds for VGG and ResNet, not for MLP")
        XCTAssertEqual(mixed.kind, .partly)
        XCTAssertEqual(ScopedVerdict.combined([scope("MLP", .holds), scope("VGG", .untestable)]),
                       .holds, "a scope not run does not count")
        XCTAssertEqual(ScopedVerdict.combined([scope("VGG", .untestable)]), .untestable)
        let partly = ScopedVerdict.combined([scope("MLP", Verdict("holds for 1 of 2", kind: .partly)),
                                             scope("VGG", .doesNotHold)])
        XCTAssertEqual(partly.text, "in part for MLP, not for VGG")
        var fragile = scope("VGG", .holds)
        fragile.fragile = true
        XCTAssertEqual(fragile.text, "VGG: holds (fragile)")
    }

    func testCaptionsAreFilledFromTheReportsValues() throws {
        let values: [String: Any] = [
            "settings": ["attackImages": 200],
            "figures": ["fig3": ["caption": "robust accuracy on {{settings.attackImages}} images",
                                 "label": "Fig. 3"]],
            "appendixFigures": [["caption": "plain"]],
        ]
        let filled = try ReportValues.fillingCaptions(values)
        let figure = try XCTUnwrap((filled["figures"] as? [String: Any])?["fig3"] as? [String: Any])
        XCTAssertEqual(figure["caption"] as? String, "robust accuracy on 200 images")
        XCTAssertEqual(figure["label"] as? String, "Fig. 3")
        XCTAssertEqual(((filled["appendixFigures"] as? [Any])?.first as? [String: Any])?["caption"]
                           as? String, "plain")
    }
}
