import Foundation
import Testing
@testable import SlipwayKit

/// The YAML reader on the YAML 1.2 spec's chapter 2 examples that charts use, and on the constructs of real
/// values files. Each case's expected value is the spec's own reading of the example, written as JSON.
@Suite struct YAMLParserTests {
    /// (spec example, text, the documents it holds as JSON).
    static let specExamples: [(String, String, [String])] = [
        ("2.1 sequence of scalars", "- Mark McGwire\n- Sammy Sosa\n- Ken Griffey\n",
         [#"["Mark McGwire", "Sammy Sosa", "Ken Griffey"]"#]),
        ("2.2 mapping scalars to scalars", "hr:  65    # Home runs\navg: 0.278 # Batting average\nrbi: 147   # Runs Batted In\n",
         [#"{"hr": "65", "avg": "0.278", "rbi": "147"}"#]),
        ("2.3 mapping scalars to sequences", "american:\n  - Boston Red Sox\n  - Detroit Tigers\nnational:\n  - New York Mets\n  - Chicago Cubs\n",
         [#"{"american": ["Boston Red Sox", "Detroit Tigers"], "national": ["New York Mets", "Chicago Cubs"]}"#]),
        ("2.4 sequence of mappings", "-\n  name: Mark McGwire\n  hr:   65\n-\n  name: Sammy Sosa\n  hr:   63\n",
         [#"[{"name": "Mark McGwire", "hr": "65"}, {"name": "Sammy Sosa", "hr": "63"}]"#]),
        ("2.5 sequence of sequences", "- [name        , hr, avg  ]\n- [Mark McGwire, 65, 0.278]\n",
         [#"[["name", "hr", "avg"], ["Mark McGwire", "65", "0.278"]]"#]),
        ("2.6 mapping of mappings", "Mark McGwire: {hr: 65, avg: 0.278}\nSammy Sosa: {\n    hr: 63,\n    avg: 0.288\n  }\n",
         [#"{"Mark McGwire": {"hr": "65", "avg": "0.278"}, "Sammy Sosa": {"hr": "63", "avg": "0.288"}}"#]),
        ("2.7 two documents in a stream", "# Ranking of 1998 home runs\n---\n- Mark McGwire\n- Sammy Sosa\n\n# Team ranking\n---\n- Chicago Cubs\n- St Louis Cardinals\n",
         [#"["Mark McGwire", "Sammy Sosa"]"#, #"["Chicago Cubs", "St Louis Cardinals"]"#]),
        ("2.8 play by play", "---\ntime: 20:03:20\nplayer: Sammy Sosa\naction: strike (miss)\n...\n---\ntime: 20:03:47\nplayer: Sammy Sosa\naction: grand slam\n...\n",
         [#"{"time": "20:03:20", "player": "Sammy Sosa", "action": "strike (miss)"}"#,
          #"{"time": "20:03:47", "player": "Sammy Sosa", "action": "grand slam"}"#]),
        ("2.9 comments", "---\nhr: # 1998 hr ranking\n  - Mark McGwire\n  - Sammy Sosa\nrbi:\n  # 1998 rbi ranking\n  - Sammy Sosa\n  - Ken Griffey\n",
         [#"{"hr": ["Mark McGwire", "Sammy Sosa"], "rbi": ["Sammy Sosa", "Ken Griffey"]}"#]),
        ("2.10 anchors and aliases", "---\nhr:\n  - Mark McGwire\n  # Following node labeled SS\n  - &SS Sammy Sosa\nrbi:\n  - *SS # Subsequent occurrence\n  - Ken Griffey\n",
         [#"{"hr": ["Mark McGwire", "Sammy Sosa"], "rbi": ["Sammy Sosa", "Ken Griffey"]}"#]),
        ("2.12 compact nested mapping", "---\n# Products purchased\n- item    : Super Hoop\n  quantity: 1\n- item    : Basketball\n  quantity: 4\n- item    : Big Shoes\n  quantity: 1\n",
         [#"[{"item": "Super Hoop", "quantity": "1"}, {"item": "Basketball", "quantity": "4"}, {"item": "Big Shoes", "quantity": "1"}]"#]),
        ("2.13 literal newlines", "# ASCII Art\n--- |\n  \\//||\\/||\n  // ||  ||__\n",
         [#""\\//||\\/||\n// ||  ||__\n""#]),
        ("2.14 folded newlines", "--- >\n  Mark McGwire's\n  year was crippled\n  by a knee injury.\n",
         [#""Mark McGwire's year was crippled by a knee injury.\n""#]),
        ("2.15 folded more-indented", ">\n Sammy Sosa completed another\n fine season with great stats.\n\n   63 Home Runs\n   0.288 Batting Average\n\n What a year!\n",
         [#""Sammy Sosa completed another fine season with great stats.\n\n  63 Home Runs\n  0.288 Batting Average\n\nWhat a year!\n""#]),
        ("2.16 indentation determines scope", "name: Mark McGwire\naccomplishment: >\n  Mark set a major league\n  home run record in 1998.\nstats: |\n  65 Home Runs\n  0.278 Batting Average\n",
         [#"{"name": "Mark McGwire", "accomplishment": "Mark set a major league home run record in 1998.\n", "stats": "65 Home Runs\n0.278 Batting Average\n"}"#]),
        ("2.17 quoted scalars", "unicode: \"Sosa did fine.\\u263A\"\ncontrol: \"\\b1998\\t1999\\t2000\\n\"\nhex esc: \"\\x0d\\x0a is \\r\\n\"\n\nsingle: '\"Howdy!\" he cried.'\nquoted: ' # Not a ''comment''.'\ntie-fighter: '|\\-*-/|'\n",
         [#"{"unicode": "Sosa did fine.☺", "control": "\u00081998\t1999\t2000\n", "hex esc": "\r\n is \r\n", "single": "\"Howdy!\" he cried.", "quoted": " # Not a 'comment'.", "tie-fighter": "|\\-*-/|"}"#]),
        ("2.18 multi-line flow scalars", "plain:\n  This unquoted scalar\n  spans many lines.\n\nquoted: \"So does this\n  quoted scalar.\\n\"\n",
         [#"{"plain": "This unquoted scalar spans many lines.", "quoted": "So does this quoted scalar.\n"}"#]),
        ("2.23 various explicit tags", "---\nnot-date: !!str 2002-04-28\n\npicture: !!binary |\n R0lGODlhDAAMAIQAAP//9/X\n 17unp5WZmZgAAAOfn515eXv\n\napplication specific tag: !something |\n The semantics of the tag\n above may be different for\n different documents.\n",
         [#"{"not-date": "2002-04-28", "picture": "R0lGODlhDAAMAIQAAP//9/X\n17unp5WZmZgAAAOfn515eXv\n", "application specific tag": "The semantics of the tag\nabove may be different for\ndifferent documents.\n"}"#]),
        ("2.25 unordered sets", "# Sets are represented as a\n# Mapping where each key is\n# associated with a null value\n--- !!set\n? Mark McGwire\n? Sammy Sosa\n? Ken Griff\n",
         [#"{"Mark McGwire": null, "Sammy Sosa": null, "Ken Griff": null}"#]),
        ("2.26 ordered mappings", "---\n- Mark McGwire: 65\n- Sammy Sosa: 63\n- Ken Griffy: 58\n",
         [#"[{"Mark McGwire": "65"}, {"Sammy Sosa": "63"}, {"Ken Griffy": "58"}]"#]),
        ("2.28 log file", "---\nTime: 2001-11-23 15:01:42 -5\nUser: ed\nWarning:\n  This is an error message\n  for the log file\n---\nTime: 2001-11-23 15:02:31 -5\nUser: ed\nWarning:\n  A slightly different error\n  message.\n",
         [#"{"Time": "2001-11-23 15:01:42 -5", "User": "ed", "Warning": "This is an error message for the log file"}"#,
          #"{"Time": "2001-11-23 15:02:31 -5", "User": "ed", "Warning": "A slightly different error message."}"#]),
    ]

    @Test func theSpecsChapterTwoExamples() throws {
        var passed = 0
        for (name, text, expected) in Self.specExamples {
            let documents = try YAMLRendering.documents(text)
            #expect(documents == expected, "example \(name)")
            if documents == expected { passed += 1 }
        }
        #expect(passed == Self.specExamples.count)
    }

    @Test func theInvoiceExampleWithAnchorsBlockScalarsAndNesting() throws {
        let invoice = """
            --- !<tag:clarkevans.com,2002:invoice>
            invoice: 34843
            date   : 2001-01-23
            bill-to: &id001
                given  : Chris
                family : Dumars
                address:
                    lines: |
                        458 Walkman Dr.
                        Suite #292
                    city    : Royal Oak
            ship-to: *id001
            product:
                - sku         : BL394D
                  quantity    : 4
                  description : Basketball
                  price       : 450.00
            comments:
                Late afternoon is best.
                Backup contact is Nancy
                Billsmer @ 338-4338.

            """
        let root = try #require(try YAMLParser.parseFirst(Array(invoice.utf8), file: "invoice.yaml"))
        #expect(root["invoice"]?.value == "34843")
        #expect(root["bill-to"]?["address"]?["lines"]?.value == "458 Walkman Dr.\nSuite #292\n")
        #expect(YAMLRendering.render(root["ship-to"]) == YAMLRendering.render(root["bill-to"]))
        #expect(root["product"]?.items.first?["price"]?.value == "450.00")
        #expect(root["comments"]?.value == "Late afternoon is best. Backup contact is Nancy Billsmer @ 338-4338.")
        #expect(root["bill-to"]?.anchor == "id001")
    }

    /// What values files are made of, in the styles popular charts write them.
    @Test func valuesFilesAsChartsWriteThem() throws {
        let values = """
            # Default values for web.
            global:
              imageRegistry: ""
              imagePullSecrets: []
            image:
              registry: docker.io
              repository: bitnami/nginx
              tag: 1.25.3-debian-11-r1   # immutable tags are recommended
              digest: ""
              pullPolicy: IfNotPresent
            commonLabels: {}
            podAnnotations: {prometheus.io/scrape: "true", "prometheus.io/port": '9113'}
            extraEnvVars:
            - name: LOG_LEVEL
              value: debug
            - {name: TZ, value: UTC}
            defaults: &resources
              limits: {cpu: 500m, memory: 512Mi}
            resources:
              <<: *resources
              requests:
                cpu: 100m
            serverBlock: |-
              server {
                listen 0.0.0.0:8080;
              }
            auth:
              existingSecret: ""
              password: ""
            tolerations: [ ]
            empty:
            ~: tilde key
            "quoted key": 'it''s'
            url: http://example.com:8080/path   # a colon without a space is text
            """.replacingOccurrences(of: "\n", with: "\r\n")
        let root = try #require(try YAMLParser.parseFirst(Array(values.utf8), file: "values.yaml"))
        #expect(root["image"]?["tag"]?.value == "1.25.3-debian-11-r1")
        #expect(root["image"]?["tag"]?.line == 8)
        #expect(root["podAnnotations"]?["prometheus.io/port"]?.value == "9113")
        #expect(root["extraEnvVars"]?.items.count == 2)
        #expect(root["extraEnvVars"]?.items[1]["name"]?.value == "TZ")
        #expect(root["resources"]?["limits"]?["memory"]?.value == "512Mi", "a << merge key is looked through")
        #expect(root["resources"]?["requests"]?["cpu"]?.value == "100m")
        #expect(root["serverBlock"]?.value == "server {\n  listen 0.0.0.0:8080;\n}")
        #expect(root["auth"]?["password"]?.style == .doubleQuoted && root["auth"]?["password"]?.value == "")
        #expect(root["empty"]?.isNull == true)
        #expect(root["quoted key"]?.value == "it's")
        #expect(root["url"]?.value == "http://example.com:8080/path")
        #expect(root["tolerations"]?.kind == .sequence && root["tolerations"]?.items.isEmpty == true)
        let tag = try #require(root["image"]?["tag"])
        #expect(String(decoding: Array(values.utf8)[tag.range], as: UTF8.self) == "1.25.3-debian-11-r1")
    }

    @Test func notYAMLIsRefusedWithTheLineAndWhatWasExpected() {
        func problem(_ text: String) -> String? {
            do { _ = try YAMLParser.parse(Array(text.utf8), file: "values.yaml"); return nil } catch { return error.description }
        }
        #expect(problem("a: 1\n  b: 2\n") == "values.yaml:2:3: this line is indented more than the keys above it (column 3, the keys are at 1)")
        #expect(problem("a: [1, 2\nb: 3\n")?.hasPrefix("values.yaml:") == true)
        #expect(problem("a: \"open\n") == "values.yaml:1:4: the double quote opened here is not closed")
        #expect(problem("a:\n\tb: 1\n") == "values.yaml:2:1: a tab indents this line; YAML allows spaces only")
        #expect(problem("a: b: c\n")?.contains("a mapping cannot start on its key's line") == true)
        #expect(problem("a: *nowhere\n") == "values.yaml:1:4: the alias *nowhere names no anchor defined above it")
        #expect(problem("a: 1\na: 2\n") == "values.yaml:2:1: the key a appears twice (lines 1 and 2); keep one")
        #expect(problem("key: \"\\q\"\n")?.contains("is not a YAML escape") == true)
        #expect(problem(String(repeating: "[", count: 300)) == "values.yaml:1:200: nested deeper than 200 levels")
        #expect(problem("- a\nb: c\n") == "values.yaml:2:1: expected a new document (---) or the end of the file; is this line indented wrongly?")
    }

    @Test func blockScalarIndicators() throws {
        let text = "strip: |-\n  text\n\nclip: |\n  text\n\nkeep: |+\n  text\n\n\nindented: |2\n    two more\n  base\nfolded: >-\n  a\n  b\n\n  c\nlast: end\n"
        let root = try #require(try YAMLParser.parseFirst(Array(text.utf8), file: "t.yaml"))
        #expect(root["strip"]?.value == "text")
        #expect(root["clip"]?.value == "text\n")
        #expect(root["keep"]?.value == "text\n\n\n")
        #expect(root["indented"]?.value == "  two more\nbase\n")
        #expect(root["folded"]?.value == "a b\nc")
        #expect(root["last"]?.value == "end")
    }

    @Test func severalDocumentsAndCompactSequences() throws {
        let text = "apiVersion: v2\nname: web\nsources:\n- https://github.com/acme/web\n- https://acme.example\nkeywords: [web, shop]\n---\nsecond: document\n"
        let documents = try YAMLParser.parse(Array(text.utf8), file: "Chart.yaml")
        #expect(documents.count == 2)
        #expect(documents[0].root?["sources"]?.items.map(\.value) == ["https://github.com/acme/web", "https://acme.example"])
        #expect(documents[0].root?["keywords"]?.items.map(\.value) == ["web", "shop"])
        #expect(documents[1].root?["second"]?.value == "document")
        #expect(try YAMLParser.parse(Array("".utf8), file: "e.yaml").isEmpty)
        #expect(try YAMLParser.parse(Array("# only a comment\n".utf8), file: "e.yaml").isEmpty)
    }
}
