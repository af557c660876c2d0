// Entry for workerd: a module worker that runs the flow with the input POSTed as JSON and answers the result.
import { runFlow } from "./flow.mjs";

export default {
  async fetch(request) {
    try {
      return Response.json(await runFlow(await request.json()));
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
