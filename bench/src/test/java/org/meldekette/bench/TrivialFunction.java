package org.meldekette.bench;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;

/**
 * The cold-start baseline: an HTTP function that does nothing but answer 201, under the same
 * invoker.
 */
public class TrivialFunction implements HttpFunction {
  @Override
  public void service(HttpRequest request, HttpResponse response) throws Exception {
    response.setStatusCode(201);
    response.setContentType("application/json");
    response.getWriter().write("{}");
  }
}
