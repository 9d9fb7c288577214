### validate-core: built-in error messages, English (en).
###
### Each message id is an error code exactly as the library emits it; Fluent variables are the
### error's params under the names it emits them ($min, $max, $equal, $exclusive_min, ...).
### The renderer also passes a few variables of its own (see CODES.md):
###   $unit       length: "chars" | "bytes" | "items"
###   $bound      length: "equal" | "between" | "min" | "max" | "none";
###               range: "between" | "min" | "max" | "none" (from min and max)
###   $exclusive  range: "both" | "min" | "max" | "none" (from exclusive_min and exclusive_max)
###   $kind       chars, url and the shape errors: which form of the message (see CODES.md)
### Numbers are passed as Fluent numbers (plural selection), lists as text joined with ", ".
### Rendered without bidi isolation marks: placeholders are plain.

## Rules

length =
    { $unit ->
        [bytes]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] must be exactly { $equal } byte
                       *[other] must be exactly { $equal } bytes
                    }
                [between] must be between { $min } and { $max } bytes
                [min]
                    { $min ->
                        [one] must be at least { $min } byte
                       *[other] must be at least { $min } bytes
                    }
                [max]
                    { $max ->
                        [one] must be at most { $max } byte
                       *[other] must be at most { $max } bytes
                    }
               *[none] has an invalid number of bytes
            }
        [items]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] must be exactly { $equal } item
                       *[other] must be exactly { $equal } items
                    }
                [between] must be between { $min } and { $max } items
                [min]
                    { $min ->
                        [one] must be at least { $min } item
                       *[other] must be at least { $min } items
                    }
                [max]
                    { $max ->
                        [one] must be at most { $max } item
                       *[other] must be at most { $max } items
                    }
               *[none] has an invalid number of items
            }
       *[chars]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] must be exactly { $equal } character
                       *[other] must be exactly { $equal } characters
                    }
                [between] must be between { $min } and { $max } characters
                [min]
                    { $min ->
                        [one] must be at least { $min } character
                       *[other] must be at least { $min } characters
                    }
                [max]
                    { $max ->
                        [one] must be at most { $max } character
                       *[other] must be at most { $max } characters
                    }
               *[none] has an invalid number of characters
            }
    }

range =
    { $bound ->
        [between]
            { $exclusive ->
                [min] must be between { $min } and { $max } and greater than { $exclusive_min }
                [max] must be between { $min } and { $max } and less than { $exclusive_max }
                [both] must be between { $min } and { $max } and greater than { $exclusive_min } and less than { $exclusive_max }
               *[none] must be between { $min } and { $max }
            }
        [min]
            { $exclusive ->
                [min] must be at least { $min } and greater than { $exclusive_min }
                [max] must be at least { $min } and less than { $exclusive_max }
                [both] must be at least { $min } and greater than { $exclusive_min } and less than { $exclusive_max }
               *[none] must be at least { $min }
            }
        [max]
            { $exclusive ->
                [min] must be at most { $max } and greater than { $exclusive_min }
                [max] must be at most { $max } and less than { $exclusive_max }
                [both] must be at most { $max } and greater than { $exclusive_min } and less than { $exclusive_max }
               *[none] must be at most { $max }
            }
       *[none]
            { $exclusive ->
                [min] must be greater than { $exclusive_min }
                [max] must be less than { $exclusive_max }
                [both] must be greater than { $exclusive_min } and less than { $exclusive_max }
               *[none] must be a number
            }
    }

pattern = must match the pattern { $pattern }

email = must be a valid email address

url =
    { $kind ->
        [public] must be a valid public URL ({ $schemes })
       *[other] must be a valid URL ({ $schemes })
    }

hostname = must be a valid hostname

ip = must be a valid IP address

ipv4 = must be a valid IPv4 address

ipv6 = must be a valid IPv6 address

uuid = must be a valid UUID

credit_card = must be a valid credit card number

chars =
    { $kind ->
        [both] must contain only { $classes }, "{ $chars }"
        [chars] must contain only "{ $chars }"
       *[classes] must contain only { $classes }
    }

ascii = must contain only ASCII characters

alphanumeric = must contain only ASCII letters and digits

no_control = must not contain control, bidi or zero-width characters

one_of = must be one of: { $values }

none_of = must not be one of: { $values }

contains = must contain "{ $contains }"

not_contains = must not contain "{ $not_contains }"


prefix = must start with "{ $prefix }"

suffix = must end with "{ $suffix }"

required = is required

must_match = must match { $other }

password = is too easy to guess

unavailable = could not be checked; try again later

## Shape errors (the request does not have the expected form)

missing_field = is required

duplicate_field = is given more than once

invalid_type =
    { $kind ->
        [expected] expected { $expected }
        [integer] expected an integer
        [number] expected a number
        [boolean] expected a boolean
       *[other] has the wrong type
    }

invalid_value =
    { $kind ->
        [expected] expected { $expected }
        [out_of_range] is out of range
        [utf8] must be UTF-8 text
       *[other] is not a valid value
    }

invalid_length =
    { $kind ->
        [expected] expected { $expected }
        [too_many] has too many elements
       *[other] has the wrong length
    }

unknown_variant =
    { $kind ->
        [expected] expected { $expected }
        [none] there are no variants
       *[other] is not a known variant
    }

unknown_field =
    { $kind ->
        [expected] unknown field, expected { $expected }
        [none] unknown field, there are no fields
       *[other] unknown field
    }

## Names of the classes of `chars`, which the renderer joins into $classes (not error codes)

chars-class-ascii_lowercase = ascii lowercase
chars-class-ascii_uppercase = ascii uppercase
chars-class-ascii_alpha = ascii alpha
chars-class-ascii_digit = ascii digit
chars-class-ascii_alphanumeric = ascii alphanumeric
chars-class-ascii_punctuation = ascii punctuation
chars-class-space = space
