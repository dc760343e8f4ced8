import Foundation
import Testing
@testable import SlipwayKit

/// JSONParser against cases of Nicolas Seriot's JSONTestSuite (`test_parsing/`), written in by hand under their
/// file names: every `y_` case must parse, every `n_` case must be refused.
@Suite struct JSONTestSuiteTests {
    static let accepted: [(String, String)] = [
        ("y_array_arraysWithSpaces", "[[]   ]"), ("y_array_empty", "[]"), ("y_array_empty-string", "[\"\"]"),
        ("y_array_ending_with_newline", "[\"a\"]\n"), ("y_array_false", "[false]"), ("y_array_heterogeneous", "[null, 1, \"1\", {}]"),
        ("y_array_null", "[null]"), ("y_array_with_leading_space", " [1]"), ("y_array_with_several_null", "[1,null,null,null,2]"),
        ("y_array_with_trailing_space", "[2] "), ("y_number", "[123e65]"), ("y_number_0e+1", "[0e+1]"), ("y_number_0e1", "[0e1]"),
        ("y_number_after_space", "[ 4]"), ("y_number_double_close_to_zero", "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]"),
        ("y_number_int_with_exp", "[20e1]"), ("y_number_minus_zero", "[-0]"), ("y_number_negative_int", "[-123]"),
        ("y_number_real_capital_e", "[1E22]"), ("y_number_real_fraction_exponent", "[123.456e78]"), ("y_number_simple_real", "[123.456789]"),
        ("y_object_basic", "{\"asd\":\"sdf\"}"), ("y_object_empty", "{}"),
        ("y_object_empty_key", "{\"\":0}"), ("y_object_escaped_null_in_key", "{\"foo\\u0000bar\": 42}"),
        ("y_object_long_strings", "{\"x\":[{\"id\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}], \"id\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"),
        ("y_object_simple", "{\"a\":[]}"), ("y_object_with_newlines", "{\n\"a\": \"b\"\n}"),
        ("y_string_1_2_3_bytes_UTF-8_sequences", "[\"\\u0060\\u012a\\u12AB\"]"), ("y_string_accepted_surrogate_pair", "[\"\\uD801\\udc37\"]"),
        ("y_string_allowed_escapes", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]"), ("y_string_comments", "[\"a/*b*/c/*d//e\"]"),
        ("y_string_escaped_control_character", "[\"\\u0012\"]"), ("y_string_in_array", "[\"asd\"]"), ("y_string_space", "\" \""),
        ("y_string_unicode_2", "[\"⍂㈴⍂\"]"), ("y_string_utf8", "[\"€𝄞\"]"), ("y_structure_lonely_false", "false"),
        ("y_structure_lonely_int", "42"), ("y_structure_lonely_null", "null"), ("y_structure_lonely_string", "\"asd\""),
        ("y_structure_trailing_newline", "[\"a\"]\n"), ("y_structure_true_in_array", "[true]"), ("y_structure_whitespace_array", " [] "),
    ]

    static let refused: [(String, String)] = [
        ("n_array_1_true_without_comma", "[1 true]"), ("n_array_colon_instead_of_comma", "[\"\": 1]"), ("n_array_comma_and_number", "[,1]"),
        ("n_array_double_comma", "[1,,2]"), ("n_array_extra_close", "[\"x\"]]"), ("n_array_extra_comma", "[\"\",]"),
        ("n_array_incomplete", "[\"x\""), ("n_array_inner_array_no_comma", "[3[4]]"), ("n_array_just_comma", "[,]"),
        ("n_array_missing_value", "[   , \"\"]"), ("n_array_number_and_comma", "[1,]"), ("n_array_unclosed", "[\"\""),
        ("n_array_unclosed_with_new_lines", "[1,\n1\n,1"), ("n_incomplete_false", "[fals]"), ("n_incomplete_null", "[nul]"),
        ("n_incomplete_true", "[tru]"), ("n_number_++", "[++1234]"), ("n_number_-01", "[-01]"), ("n_number_.-1", "[.-1]"),
        ("n_number_0.e1", "[0.e1]"), ("n_number_2.e3", "[2.e3]"), ("n_number_expression", "[1+2]"), ("n_number_hex_1_digit", "[0x1]"),
        ("n_number_Inf", "[Inf]"), ("n_number_NaN", "[NaN]"), ("n_number_neg_with_garbage_at_end", "[-1x]"),
        ("n_number_starting_with_dot", "[.123]"), ("n_number_with_leading_zero", "[012]"), ("n_object_bad_value", "[\"x\", truth]"),
        ("n_object_comma_instead_of_colon", "{\"x\", null}"), ("n_object_missing_colon", "{\"a\" b}"), ("n_object_missing_value", "{\"a\":"),
        ("n_object_non_string_key", "{1:1}"), ("n_object_single_quote", "{'a':0}"), ("n_object_trailing_comma", "{\"id\":0,}"),
        ("n_object_unquoted_key", "{a: \"b\"}"), ("n_single_space", " "), ("n_string_1_surrogate_then_escape_u", "[\"\\uD800\\u\"]"),
        ("n_string_escape_x", "[\"\\x00\"]"), ("n_string_incomplete_escape", "[\"\\\"]"), ("n_string_single_quote", "['single quote']"),
        ("n_string_unescaped_newline", "[\"new\nline\"]"), ("n_string_unescaped_tab", "[\"\t\"]"), ("n_structure_double_array", "[][]"),
        ("n_structure_end_array", "]"), ("n_structure_no_data", ""), ("n_structure_object_with_trailing_garbage", "{\"a\": true} \"x\""),
        ("n_structure_unclosed_object", "{\"asd\":\"asd\""), ("n_structure_open_array_open_object", "[{"),
        ("n_structure_100000_opening_arrays", String(repeating: "[", count: 100_000)),
    ]

    /// The one `y_` case refused on purpose: `.slipway.json` is read strictly, and a key written twice is a mistake
    /// worth naming (RFC 8259 only says names SHOULD be unique).
    @Test func aDuplicatedKeyIsRefusedOnPurpose() {
        #expect { try JSONParser.parse(Data("{\"a\":\"b\",\"a\":\"c\"}".utf8)) } throws: { error in
            String(describing: error).contains("the key \"a\" appears twice")
        }
    }

    @Test func everyAcceptedCaseParses() {
        var passed = 0
        for (name, text) in Self.accepted {
            do { _ = try JSONParser.parse(Data(text.utf8)); passed += 1 } catch { Issue.record("\(name) was refused: \(error)") }
        }
        #expect(passed == Self.accepted.count)
    }

    @Test func everyRefusedCaseIsRefused() {
        var passed = 0
        for (name, text) in Self.refused {
            if (try? JSONParser.parse(Data(text.utf8))) == nil { passed += 1 } else { Issue.record("\(name) was accepted") }
        }
        #expect(passed == Self.refused.count)
    }
}
