// Loads Rebal's bundled sample book, rebalances its first household and prints the decision.
// From the repository root, after `mvn -B -q -DskipTests package`:
//
//   jshell --class-path examples/target/rebal-examples-0.1.0-SNAPSHOT-all.jar examples/jshell/rebalance-one.jsh
//
// Change `index` to look at another household (0 to 199); household 150, for one, goes to review.

import dev.rebal.core.household.Household;
import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
import dev.rebal.examples.DecisionJson;
import dev.rebal.examples.SampleBook;
import dev.rebal.json.BookReader;

int index = 0;
BookReader book = SampleBook.open();
Household household = book.households().skip(index).findFirst().orElseThrow().household().orElseThrow();
Decision decision = Rebalancer.standard().rebalance(household, book.marketData(), book.asOf());
book.close();
System.out.println(decision.canonicalText());
// the same decision as JSON, as the main job writes it to proposals/<household>.json:
// System.out.println(DecisionJson.toJson(decision));
/exit
