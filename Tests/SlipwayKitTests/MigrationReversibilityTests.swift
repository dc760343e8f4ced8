import Testing
@testable import SlipwayKit

@Suite struct MigrationReversibilityTests {
    func judge(_ kind: MigrationSettings.Kind, added: [MigrationFile], others: [MigrationFile] = []) -> [Bool] {
        MigrationReversibility.assess(kind, added: added, all: added + others).map(\.reversible)
    }

    func file(_ path: String, _ text: String) -> MigrationFile { MigrationFile(path: path, text: text) }

    @Test func golangMigrateNeedsANonEmptyDown() {
        let up = file("db/migrations/000002_add_users.up.sql", "CREATE TABLE users (id int);")
        #expect(judge(.golangMigrate, added: [up, file("db/migrations/000002_add_users.down.sql", "DROP TABLE users;")]) == [true])
        #expect(judge(.golangMigrate, added: [up, file("db/migrations/000002_add_users.down.sql", "-- nothing to do\n\n")]) == [false])
        #expect(judge(.golangMigrate, added: [up]) == [false])
    }

    @Test func sqlxSimpleMigrationsAreIrreversible() {
        #expect(judge(.sqlx, added: [file("migrations/20240101_init.sql", "CREATE TABLE t (id int);")]) == [false])
        #expect(judge(.sqlx, added: [file("migrations/20240101_init.up.sql", "CREATE TABLE t (id int);"),
                                     file("migrations/20240101_init.down.sql", "DROP TABLE t;")]) == [true])
    }

    @Test func flywayNeedsTheUndoOfTheSameVersion() {
        let versioned = file("sql/V2__add_email.sql", "ALTER TABLE users ADD email text;")
        #expect(judge(.flyway, added: [versioned], others: [file("sql/U2__add_email.sql", "ALTER TABLE users DROP email;")]) == [true])
        #expect(judge(.flyway, added: [versioned], others: [file("sql/U3__other.sql", "DROP TABLE x;")]) == [false])
    }

    @Test func liquibaseFormattedSQLNeedsRollbackLines() {
        let good = "-- liquibase formatted sql\n--changeset ada:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n"
        let bad = "-- liquibase formatted sql\n--changeset ada:2\nUPDATE t SET x = 1;\n"
        #expect(judge(.liquibase, added: [file("db/changelog/1.sql", good)]) == [true])
        #expect(judge(.liquibase, added: [file("db/changelog/2.sql", bad)]) == [false])
    }

    @Test func liquibaseXMLNeedsRollbackOnlyForChangesThatCannotInvertThemselves() {
        let auto = #"<databaseChangeLog><changeSet id="1" author="ada"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet></databaseChangeLog>"#
        let manual = #"<databaseChangeLog><changeSet id="2" author="ada"><dropTable tableName="t"/></changeSet></databaseChangeLog>"#
        let covered = #"<databaseChangeLog><changeSet id="3" author="ada"><sql>DELETE FROM t</sql><rollback><sql>SELECT 1</sql></rollback></changeSet></databaseChangeLog>"#
        #expect(judge(.liquibase, added: [file("c/1.xml", auto)]) == [true])
        #expect(judge(.liquibase, added: [file("c/2.xml", manual)]) == [false])
        #expect(judge(.liquibase, added: [file("c/3.xml", covered)]) == [true])
        #expect(judge(.liquibase, added: [file("c/4.yaml", "databaseChangeLog:\n- changeSet:\n    id: 4\n    changes:\n    - sql:\n        sql: DELETE FROM t\n")]) == [false])
    }

    @Test func alembicDowngradeMustDoMoreThanPass() {
        let good = "def upgrade():\n    op.add_column('t', sa.Column('x'))\n\n\ndef downgrade():\n    op.drop_column('t', 'x')\n"
        let bad = "def upgrade():\n    op.add_column('t', sa.Column('x'))\n\n\ndef downgrade():\n    # nothing\n    pass\n"
        #expect(judge(.alembic, added: [file("alembic/versions/ab12_add_x.py", good)]) == [true])
        #expect(judge(.alembic, added: [file("alembic/versions/cd34_add_x.py", bad)]) == [false])
    }

    @Test func djangoRunPythonAndRunSQLNeedTheirReverse() {
        let head = "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [\n"
        #expect(judge(.django, added: [file("app/migrations/0002.py", head + "        migrations.RunPython(forwards, reverse_code=backwards),\n    ]\n")]) == [true])
        #expect(judge(.django, added: [file("app/migrations/0003.py", head + "        migrations.RunPython(forwards, backwards),\n    ]\n")]) == [true])
        #expect(judge(.django, added: [file("app/migrations/0004.py", head + "        migrations.RunPython(forwards),\n    ]\n")]) == [false])
        #expect(judge(.django, added: [file("app/migrations/0005.py", head + "        migrations.RunSQL(\"UPDATE t SET x = 1\"),\n    ]\n")]) == [false])
        #expect(judge(.django, added: [file("app/migrations/0006.py", head + "        migrations.AddField('t', 'x', models.IntegerField(default=0)),\n    ]\n")]) == [true])
    }

    @Test func railsNeedsDownOrReversibleBlocks() {
        let change = "class AddX < ActiveRecord::Migration[7.1]\n  def change\n    add_column :t, :x, :int\n  end\nend\n"
        let upOnly = "class AddX < ActiveRecord::Migration[7.1]\n  def up\n    execute 'UPDATE t'\n  end\nend\n"
        let raises = "class AddX < ActiveRecord::Migration[7.1]\n  def up\n  end\n  def down\n    raise ActiveRecord::IrreversibleMigration\n  end\nend\n"
        let bareExecute = "class AddX < ActiveRecord::Migration[7.1]\n  def change\n    execute 'UPDATE t SET x = 1'\n  end\nend\n"
        let wrapped = "class AddX < ActiveRecord::Migration[7.1]\n  def change\n    reversible do |dir|\n      dir.up { execute 'UPDATE t' }\n      execute 'UPDATE u'\n    end\n  end\nend\n"
        #expect(judge(.rails, added: [file("db/migrate/1_a.rb", change)]) == [true])
        #expect(judge(.rails, added: [file("db/migrate/2_a.rb", upOnly)]) == [false])
        #expect(judge(.rails, added: [file("db/migrate/3_a.rb", raises)]) == [false])
        #expect(judge(.rails, added: [file("db/migrate/4_a.rb", bareExecute)]) == [false])
        #expect(judge(.rails, added: [file("db/migrate/5_a.rb", wrapped)]) == [true])
    }

    @Test func knexDownMustExistAndDoSomething() {
        let good = "exports.up = function(knex) {\n  return knex.schema.createTable('t', t => t.increments());\n};\nexports.down = function(knex) {\n  return knex.schema.dropTable('t');\n};\n"
        let empty = "exports.up = function(knex) {\n  return knex.schema.createTable('t', t => t.increments());\n};\nexports.down = function(knex) {\n  // nothing\n};\n"
        let missing = "export async function up(knex) {\n  await knex.raw('UPDATE t');\n}\n"
        #expect(judge(.knex, added: [file("migrations/1.js", good)]) == [true])
        #expect(judge(.knex, added: [file("migrations/2.js", empty)]) == [false])
        #expect(judge(.knex, added: [file("migrations/3.ts", missing)]) == [false])
    }

    @Test func prismaIsFlaggedUnlessADownScriptWasWritten() {
        let migration = file("prisma/migrations/20240101_init/migration.sql", "CREATE TABLE t (id int);")
        #expect(judge(.prisma, added: [migration]) == [false])
        #expect(judge(.prisma, added: [migration], others: [file("prisma/migrations/20240101_init/down.sql", "DROP TABLE t;")]) == [true])
    }
}
