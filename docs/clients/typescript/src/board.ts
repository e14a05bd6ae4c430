// Signs in, logs a pitch, and reads the board with the write's Consistency-Token: every call typed from the
// services' OpenAPI documents (npm run generate writes src/commands.d.ts and src/queries.d.ts).
import createClient from "openapi-fetch";
import type { paths as Commands } from "./commands.js";
import type { paths as Queries } from "./queries.js";

const [handle, password] = process.argv.slice(2);
const commands = createClient<Commands>({ baseUrl: process.env.COMMANDS ?? "http://localhost:8080" });
const queries = createClient<Queries>({ baseUrl: process.env.QUERIES ?? "http://localhost:8081" });

const { data: session, error: refused } = await commands.POST("/api/sessions", { body: { handle, password } });
if (!session) {
  throw new Error(`sign-in refused: ${refused?.detail}`);
}
const headers = { Authorization: `Bearer ${session.accessToken}` };
const today = new Date().toISOString().slice(0, 10);
const { data: logged } = await commands.POST("/api/attempts", {
  headers,
  body: { category: "PITCH", target: "The Paris Review", title: "Essay on rejection", sentOn: today },
});
const { data: board } = await queries.GET("/api/me/attempts", {
  headers: { ...headers, "Consistency-Token": logged?.consistencyToken ?? undefined },
  params: { query: { status: "WAITING", limit: 5 } },
});
board?.items?.forEach((item) => console.log(item.status, item.sentOn, item.target, "-", item.title));
