package io.kafkaindexing.core.security.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaindexing.core.json.JsonMappers;
import io.kafkaindexing.core.metadata.MetadataStorageConnector;
import io.kafkaindexing.core.metadata.TestDatabases;
import io.kafkaindexing.core.security.Action;
import io.kafkaindexing.core.security.AuthenticationResult;
import io.kafkaindexing.core.security.Resource;
import io.kafkaindexing.core.security.ResourceAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The basic-security tables on every metadata store (embedded Derby; PostgreSQL and MariaDB when
 * running): users, credentials, roles, assignments and permissions round-trip, duplicates and
 * missing rows are reported, and the authorizer decides from what is stored.
 */
class BasicSecurityStoreIT {
  static java.util.stream.Stream<TestDatabases.Db> databases() {
    return TestDatabases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void usersRolesAndPermissionsRoundTrip(TestDatabases.Db db) throws Exception {
    db.assumeReachable();
    MetadataStorageConnector connector = new MetadataStorageConnector(db.config());
    connector.start();
    try {
      BasicSecurityStore store = new BasicSecurityStore(connector, JsonMappers.create(List.of()));
      store.createTables();
      store.createTables(); // idempotent

      assertTrue(store.createAuthenticationUser("a1", "bob"));
      assertFalse(store.createAuthenticationUser("a1", "bob"));
      assertTrue(store.createAuthenticationUser("a2", "bob"), "users are scoped by authenticator");
      assertNull(store.authenticationUsers("a1").get("bob"), "no credentials yet");
      Credentials credentials = new PasswordHasher().create("pw".toCharArray(), 1000);
      assertTrue(store.setCredentials("a1", "bob", credentials));
      assertFalse(store.setCredentials("a1", "nobody", credentials));
      Credentials read = store.authenticationUsers("a1").get("bob");
      assertArrayEquals(credentials.salt(), read.salt());
      assertArrayEquals(credentials.hash(), read.hash());
      assertEquals(1000, read.iterations());
      assertTrue(new PasswordHasher().matches("pw".toCharArray(), read));
      assertFalse(new PasswordHasher().matches("pW".toCharArray(), read));

      List<ResourceAction> perms = List.of(ResourceAction.readDataSource("metrics.*"),
          new ResourceAction(Resource.STATE, Action.READ));
      assertTrue(store.createRole("z", "reader", List.of()));
      assertFalse(store.createRole("z", "reader", List.of()));
      assertTrue(store.setPermissions("z", "reader", perms));
      assertEquals(Map.of("reader", perms), store.roles("z"));
      assertTrue(store.createAuthorizationUser("z", "bob"));
      assertTrue(store.assignRole("z", "bob", "reader"));
      assertFalse(store.assignRole("z", "bob", "reader"));
      assertEquals(Map.of("bob", Set.of("reader")), store.authorizationUsers("z"));

      BasicAuthorizer authorizer = new BasicAuthorizer("z", null, null, 60_000, store);
      authorizer.reload();
      AuthenticationResult bob = new AuthenticationResult("bob", "z", "a1");
      assertTrue(authorizer.authorize(bob, Resource.dataSource("metrics-kafka"), Action.READ).allowed());
      assertFalse(authorizer.authorize(bob, Resource.dataSource("metrics-kafka"), Action.WRITE).allowed());
      assertFalse(authorizer.authorize(bob, Resource.dataSource("xmetrics"), Action.READ).allowed(),
          "the pattern must match the whole name");
      assertTrue(authorizer.authorize(bob, Resource.STATE, Action.READ).allowed());
      assertFalse(authorizer.authorize(new AuthenticationResult("eve", "z", "a1"), Resource.STATE, Action.READ)
          .allowed());

      assertTrue(store.deleteRole("z", "reader"));
      assertEquals(Map.of("bob", Set.of()), store.authorizationUsers("z"), "deleting a role unassigns it");
      authorizer.reload();
      assertFalse(authorizer.authorize(bob, Resource.STATE, Action.READ).allowed());
      assertTrue(store.deleteAuthorizationUser("z", "bob"));
      assertFalse(store.deleteAuthorizationUser("z", "bob"));
      assertTrue(store.deleteAuthenticationUser("a1", "bob"));
      assertEquals(Set.of("bob"), store.authenticationUsers("a2").keySet());
    } finally {
      connector.stop();
    }
  }
}
