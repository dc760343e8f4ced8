import Testing
@testable import SlipwayKit

@Suite struct POMManifestTests {
    @Test func onlyTheProjectsOwnVersionChangesNeverTheParentsOrADependencys() throws {
        let before = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- <version>0.0.1</version> in a comment -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>com.acme</groupId>
            <artifactId>acme-parent</artifactId>
            <version>1.0.0</version>
          </parent>
          <artifactId>web</artifactId>
          <version>1.0.0</version>
          <dependencies>
            <dependency>
              <groupId>com.acme</groupId>
              <artifactId>core</artifactId>
              <version>1.0.0</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-jar-plugin</artifactId>
                <version>1.0.0</version>
                <configuration><![CDATA[<version>1.0.0</version>]]></configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        let after = try ManifestSample.edited(before, .pom, to: "1.1.0")
        #expect(ManifestSample.changedLines(before, after) == [11])
        #expect(after.contains("  <artifactId>web</artifactId>\n  <version>1.1.0</version>\n"))
    }

    @Test func aModuleWithoutItsOwnVersionInheritsTheParents() throws {
        let text = "<project>\n  <parent>\n    <artifactId>p</artifactId>\n    <version>1.0.0</version>\n  </parent>\n  <artifactId>m</artifactId>\n</project>\n"
        let reading = try VersionFile(path: "pom.xml", format: .pom).read(Array(text.utf8))
        #expect(reading == .inheriting("no <version> of its own: it inherits the version of its <parent>"))
    }

    @Test func aRevisionPropertyIsFollowedToProperties() throws {
        let before = "<project>\r\n\t<version>${revision}</version>\r\n\t<properties>\r\n\t\t<revision>1.0.0</revision>\r\n\t</properties>\r\n</project>\r\n"
        let after = try ManifestSample.edited(before, .pom, to: "1.0.1")
        #expect(after == before.replacingOccurrences(of: "<revision>1.0.0</revision>", with: "<revision>1.0.1</revision>"))
    }

    @Test func malformedXMLAndTwoVersionsAreRefusedWithTheirLines() {
        let mismatched = ManifestSample.error("<project>\n  <version>1.0.0</versio>\n</project>\n", .pom, path: "pom.xml")
        #expect(mismatched?.line == 2)
        #expect(mismatched?.problem.contains("does not close <version>") == true)
        let unclosed = ManifestSample.error("<project>\n  <version>1.0.0</version>\n", .pom)
        #expect(unclosed?.problem.contains("<project> is never closed") == true)
        let twice = ManifestSample.error("<project>\n<version>1</version>\n<version>2</version>\n</project>", .pom)
        #expect(twice?.line == 3)
        #expect(twice?.problem.contains("lines 2 and 3") == true)
    }
}
