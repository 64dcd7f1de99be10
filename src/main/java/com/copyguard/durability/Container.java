package com.copyguard.durability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JDK collections the state codec knows, identified without reflection into java.util.
 * {@code ordered} false means iteration order is not part of the state (hash order, or the JDK's
 * per-run randomized order of {@code Set.of}/{@code Map.copyOf}): those are written sorted so that
 * the encoding, and therefore the state hash, is canonical.
 */
enum Container {
    ARRAY_LIST(ArrayList.class, true, false),
    LINKED_LIST(LinkedList.class, true, false),
    ARRAY_DEQUE(ArrayDeque.class, true, false),
    HASH_SET(HashSet.class, false, false),
    LINKED_HASH_SET(LinkedHashSet.class, true, false),
    TREE_SET(TreeSet.class, true, false),
    IMMUTABLE_LIST(null, true, false),
    IMMUTABLE_SET(null, false, false),
    UNMODIFIABLE_LIST(null, true, false),
    UNMODIFIABLE_SET(null, true, false),
    UNMODIFIABLE_SORTED_SET(null, true, false),
    UNMODIFIABLE_COLLECTION(null, true, false),
    EMPTY_LIST(null, true, false),
    EMPTY_SET(null, true, false),
    SINGLETON_LIST(null, true, false),
    SINGLETON_SET(null, true, false),
    ARRAYS_AS_LIST(null, true, false),
    HASH_MAP(HashMap.class, false, true),
    LINKED_HASH_MAP(LinkedHashMap.class, true, true),
    TREE_MAP(TreeMap.class, true, true),
    IMMUTABLE_MAP(null, false, true),
    UNMODIFIABLE_MAP(null, true, true),
    UNMODIFIABLE_SORTED_MAP(null, true, true),
    EMPTY_MAP(null, true, true),
    SINGLETON_MAP(null, true, true);

    private static final Container[] ALL = values();

    /** The mutable class decoded in place, or null for wrappers and immutable forms. */
    final Class<?> mutableType;
    final boolean ordered;
    final boolean map;

    Container(Class<?> mutableType, boolean ordered, boolean map) {
        this.mutableType = mutableType;
        this.ordered = ordered;
        this.map = map;
    }

    static Container byCode(int code) {
        if (code < 0 || code >= ALL.length) {
            throw new IllegalArgumentException("unknown container code " + code);
        }
        return ALL[code];
    }

    /** Classifies {@code c} (a Collection or Map), or returns null when it is not supported. */
    static Container of(Object c) {
        Class<?> type = c.getClass();
        for (Container k : ALL) {
            if (k.mutableType == type) {
                if ((k == TREE_SET && ((TreeSet<?>) c).comparator() != null)
                        || (k == TREE_MAP && ((TreeMap<?, ?>) c).comparator() != null)) {
                    return null;
                }
                return k;
            }
        }
        String name = type.getName();
        if (name.startsWith("java.util.ImmutableCollections$")) {
            if (c instanceof List) {
                return IMMUTABLE_LIST;
            } else if (c instanceof Set) {
                return IMMUTABLE_SET;
            } else if (c instanceof Map) {
                return IMMUTABLE_MAP;
            }
            return null;
        }
        return switch (name) {
            case "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList" ->
                    UNMODIFIABLE_LIST;
            case "java.util.Collections$UnmodifiableSet" -> UNMODIFIABLE_SET;
            case "java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableNavigableSet" ->
                    ((SortedSet<?>) c).comparator() == null ? UNMODIFIABLE_SORTED_SET : null;
            case "java.util.Collections$UnmodifiableCollection" -> UNMODIFIABLE_COLLECTION;
            case "java.util.Collections$UnmodifiableMap" -> UNMODIFIABLE_MAP;
            case "java.util.Collections$UnmodifiableSortedMap", "java.util.Collections$UnmodifiableNavigableMap" ->
                    ((SortedMap<?, ?>) c).comparator() == null ? UNMODIFIABLE_SORTED_MAP : null;
            case "java.util.Collections$EmptyList" -> EMPTY_LIST;
            case "java.util.Collections$EmptySet" -> EMPTY_SET;
            case "java.util.Collections$EmptyMap" -> EMPTY_MAP;
            case "java.util.Collections$SingletonList" -> SINGLETON_LIST;
            case "java.util.Collections$SingletonSet" -> SINGLETON_SET;
            case "java.util.Collections$SingletonMap" -> SINGLETON_MAP;
            case "java.util.Arrays$ArrayList" -> ARRAYS_AS_LIST;
            default -> null;
        };
    }

    /** A new empty mutable container to fill; for wrapped forms, the backing one. */
    @SuppressWarnings({"rawtypes"})
    Object newBacking(int size) {
        return switch (this) {
            case ARRAY_LIST, IMMUTABLE_LIST, UNMODIFIABLE_LIST, UNMODIFIABLE_COLLECTION, ARRAYS_AS_LIST, EMPTY_LIST,
                    SINGLETON_LIST, IMMUTABLE_SET, EMPTY_SET, SINGLETON_SET -> new ArrayList(size);
            case LINKED_LIST -> new LinkedList();
            case ARRAY_DEQUE -> new ArrayDeque(Math.max(size, 1));
            case HASH_SET -> new HashSet(capacity(size));
            case LINKED_HASH_SET, UNMODIFIABLE_SET -> new LinkedHashSet(capacity(size));
            case TREE_SET, UNMODIFIABLE_SORTED_SET -> new TreeSet();
            case HASH_MAP -> new HashMap(capacity(size));
            case LINKED_HASH_MAP, UNMODIFIABLE_MAP, IMMUTABLE_MAP, EMPTY_MAP, SINGLETON_MAP ->
                    new LinkedHashMap(capacity(size));
            case TREE_MAP, UNMODIFIABLE_SORTED_MAP -> new TreeMap();
        };
    }

    /** Turns a filled backing container into the final form. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object finish(Object backing) {
        return switch (this) {
            case IMMUTABLE_LIST -> List.copyOf((Collection) backing);
            case IMMUTABLE_SET -> Set.copyOf((Collection) backing);
            case IMMUTABLE_MAP -> Map.copyOf((Map) backing);
            case UNMODIFIABLE_LIST -> Collections.unmodifiableList((List) backing);
            case UNMODIFIABLE_SET -> Collections.unmodifiableSet((Set) backing);
            case UNMODIFIABLE_SORTED_SET -> Collections.unmodifiableSortedSet((SortedSet) backing);
            case UNMODIFIABLE_COLLECTION -> Collections.unmodifiableCollection((Collection) backing);
            case UNMODIFIABLE_MAP -> Collections.unmodifiableMap((Map) backing);
            case UNMODIFIABLE_SORTED_MAP -> Collections.unmodifiableSortedMap((SortedMap) backing);
            case EMPTY_LIST -> Collections.emptyList();
            case EMPTY_SET -> Collections.emptySet();
            case EMPTY_MAP -> Collections.emptyMap();
            case SINGLETON_LIST -> Collections.singletonList(((List) backing).get(0));
            case SINGLETON_SET -> Collections.singleton(((List) backing).get(0));
            case SINGLETON_MAP -> {
                Map.Entry e = (Map.Entry) ((Map) backing).entrySet().iterator().next();
                yield Collections.singletonMap(e.getKey(), e.getValue());
            }
            case ARRAYS_AS_LIST -> Arrays.asList(((List) backing).toArray());
            default -> backing;
        };
    }

    /** Whether the decoded container is the backing one itself (so it can be registered before filling). */
    boolean finishedIsBacking() {
        return mutableType != null;
    }

    private static int capacity(int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (size / 0.75f) + 1);
    }
}
