/**
 * Streaming JSON reading and writing of a book: its as-of date, its market data and any number of
 * households, read and written one household at a time.
 *
 * <h2>Format</h2>
 *
 * <p>One JSON document, UTF-8, optionally gzipped (detected on read):
 *
 * <pre>{@code
 * {"format":"rebal-book","version":1,"asOf":"2026-06-30",
 * "marketData":{"securities":[...],"prices":[...],"volumes":[...]},
 * "households":[
 * {"id":"HH-000000", ...},
 * {"id":"HH-000001", ...}
 * ]}
 * }</pre>
 *
 * <p>The header fields come in that order, before {@code households}, so a reader knows the as-of
 * date and market data before the first household; each household is on its own line. Amounts in US
 * dollars are plain JSON numbers at cent scale ({@code 1234.50}); an amount in another currency is
 * an object {@code {"currency":"EUR","amount":1.00}}. Quantities, prices and weights are plain
 * numbers without trailing zeros; weights are fractions ({@code 0.35} is 35%). Dates are ISO-8601
 * ({@code 2026-06-30}). Enums are written by name. Optional values are omitted when empty. Every
 * field is written, defaults included, in a fixed order, so the same book gives the same bytes.
 * Restrictions carry a {@code "kind"} discriminator: the value of {@link
 * dev.rebal.core.restriction.Restriction#kind()}.
 *
 * <h2>Errors</h2>
 *
 * <p>A header that is missing a field ({@code format} and {@code version} are required), has an
 * unknown field or lists the households before the other header fields, malformed market data, or a
 * book that does not end properly (truncated, or content after it) throws {@link
 * dev.rebal.json.BookFormatException} with the line, column and JSON path. A household that cannot
 * be read becomes a {@link dev.rebal.json.ReadFailure} naming its index, its id (when one can be
 * found) and the path, and reading goes on with the next household: malformed JSON inside it (a bad
 * token such as {@code NaN}, a duplicate key, a trailing comma, nesting deeper than 1,000 levels,
 * an unclosed bracket or string, with the line and column), more than 16 MiB of it, an id longer
 * than 128 characters, an unknown or missing field, a number of 1E+1000 or more in magnitude or
 * with more decimals than its type allows (shown abbreviated). The reader finds where each
 * household ends without parsing it, and resynchronises at the next line that starts a household,
 * so one broken household costs only itself.
 */
package dev.rebal.json;
