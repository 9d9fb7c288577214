### validate-core : messages des erreurs intégrées, français (fr).
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
### French plural categories: one (0 and 1), many (millions: "1000000 de caractères"), other.
### The spaces before ":" and ";" and inside « » are no-break spaces (U+00A0).

## Règles

length =
    { $unit ->
        [bytes]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] doit contenir exactement { $equal } octet
                        [many] doit contenir exactement { $equal } d’octets
                       *[other] doit contenir exactement { $equal } octets
                    }
                [between]
                    { $max ->
                        [one] doit contenir entre { $min } et { $max } octet
                        [many] doit contenir entre { $min } et { $max } d’octets
                       *[other] doit contenir entre { $min } et { $max } octets
                    }
                [min]
                    { $min ->
                        [one] doit contenir au moins { $min } octet
                        [many] doit contenir au moins { $min } d’octets
                       *[other] doit contenir au moins { $min } octets
                    }
                [max]
                    { $max ->
                        [one] doit contenir au plus { $max } octet
                        [many] doit contenir au plus { $max } d’octets
                       *[other] doit contenir au plus { $max } octets
                    }
               *[none] contient un nombre d’octets non valide
            }
        [items]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] doit contenir exactement { $equal } élément
                        [many] doit contenir exactement { $equal } d’éléments
                       *[other] doit contenir exactement { $equal } éléments
                    }
                [between]
                    { $max ->
                        [one] doit contenir entre { $min } et { $max } élément
                        [many] doit contenir entre { $min } et { $max } d’éléments
                       *[other] doit contenir entre { $min } et { $max } éléments
                    }
                [min]
                    { $min ->
                        [one] doit contenir au moins { $min } élément
                        [many] doit contenir au moins { $min } d’éléments
                       *[other] doit contenir au moins { $min } éléments
                    }
                [max]
                    { $max ->
                        [one] doit contenir au plus { $max } élément
                        [many] doit contenir au plus { $max } d’éléments
                       *[other] doit contenir au plus { $max } éléments
                    }
               *[none] contient un nombre d’éléments non valide
            }
       *[chars]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] doit contenir exactement { $equal } caractère
                        [many] doit contenir exactement { $equal } de caractères
                       *[other] doit contenir exactement { $equal } caractères
                    }
                [between]
                    { $max ->
                        [one] doit contenir entre { $min } et { $max } caractère
                        [many] doit contenir entre { $min } et { $max } de caractères
                       *[other] doit contenir entre { $min } et { $max } caractères
                    }
                [min]
                    { $min ->
                        [one] doit contenir au moins { $min } caractère
                        [many] doit contenir au moins { $min } de caractères
                       *[other] doit contenir au moins { $min } caractères
                    }
                [max]
                    { $max ->
                        [one] doit contenir au plus { $max } caractère
                        [many] doit contenir au plus { $max } de caractères
                       *[other] doit contenir au plus { $max } caractères
                    }
               *[none] contient un nombre de caractères non valide
            }
    }

range =
    { $bound ->
        [between]
            { $exclusive ->
                [min] doit être compris entre { $min } et { $max } et strictement supérieur à { $exclusive_min }
                [max] doit être compris entre { $min } et { $max } et strictement inférieur à { $exclusive_max }
                [both] doit être compris entre { $min } et { $max }, strictement supérieur à { $exclusive_min } et strictement inférieur à { $exclusive_max }
               *[none] doit être compris entre { $min } et { $max }
            }
        [min]
            { $exclusive ->
                [min] doit être supérieur ou égal à { $min } et strictement supérieur à { $exclusive_min }
                [max] doit être supérieur ou égal à { $min } et strictement inférieur à { $exclusive_max }
                [both] doit être supérieur ou égal à { $min }, strictement supérieur à { $exclusive_min } et strictement inférieur à { $exclusive_max }
               *[none] doit être supérieur ou égal à { $min }
            }
        [max]
            { $exclusive ->
                [min] doit être strictement supérieur à { $exclusive_min } et inférieur ou égal à { $max }
                [max] doit être inférieur ou égal à { $max } et strictement inférieur à { $exclusive_max }
                [both] doit être strictement supérieur à { $exclusive_min }, strictement inférieur à { $exclusive_max } et inférieur ou égal à { $max }
               *[none] doit être inférieur ou égal à { $max }
            }
       *[none]
            { $exclusive ->
                [min] doit être strictement supérieur à { $exclusive_min }
                [max] doit être strictement inférieur à { $exclusive_max }
                [both] doit être strictement supérieur à { $exclusive_min } et strictement inférieur à { $exclusive_max }
               *[none] doit être un nombre
            }
    }

pattern = doit correspondre au motif { $pattern }

email = doit être une adresse e-mail valide

url =
    { $kind ->
        [public] doit être une URL publique valide ({ $schemes })
       *[other] doit être une URL valide ({ $schemes })
    }

hostname = doit être un nom d’hôte valide

ip = doit être une adresse IP valide

ipv4 = doit être une adresse IPv4 valide

ipv6 = doit être une adresse IPv6 valide

uuid = doit être un UUID valide

credit_card = doit être un numéro de carte de crédit valide

chars =
    { $kind ->
        [both] ne doit contenir que les caractères suivants : { $classes }, « { $chars } »
        [chars] ne doit contenir que les caractères « { $chars } »
       *[classes] ne doit contenir que les caractères suivants : { $classes }
    }

ascii = ne doit contenir que des caractères ASCII

alphanumeric = ne doit contenir que des lettres et des chiffres ASCII

no_control = ne doit pas contenir de caractères de contrôle, bidirectionnels ou de largeur nulle

one_of = doit être l’une des valeurs suivantes : { $values }

none_of = ne doit être aucune des valeurs suivantes : { $values }

contains = doit contenir « { $contains } »

not_contains = ne doit pas contenir « { $not_contains } »


prefix = doit commencer par « { $prefix } »

suffix = doit se terminer par « { $suffix } »

required = est obligatoire

must_match = doit correspondre à { $other }

password = est trop facile à deviner

unavailable = n’a pas pu être vérifié ; veuillez réessayer plus tard

## Erreurs de forme (la requête n’a pas la forme attendue)

missing_field = est obligatoire

duplicate_field = figure plusieurs fois

invalid_type =
    { $kind ->
        [expected] attendu : { $expected }
        [integer] doit être un nombre entier
        [number] doit être un nombre
        [boolean] doit être un booléen
       *[other] n’est pas du bon type
    }

invalid_value =
    { $kind ->
        [expected] attendu : { $expected }
        [out_of_range] est hors de la plage autorisée
        [utf8] doit être du texte UTF-8
       *[other] n’est pas une valeur valide
    }

invalid_length =
    { $kind ->
        [expected] attendu : { $expected }
        [too_many] contient trop d’éléments
       *[other] n’a pas la bonne longueur
    }

unknown_variant =
    { $kind ->
        [expected] attendu : { $expected }
        [none] il n’existe aucune variante
       *[other] n’est pas une variante connue
    }

unknown_field =
    { $kind ->
        [expected] champ inconnu, attendu : { $expected }
        [none] champ inconnu, il n’existe aucun champ
       *[other] champ inconnu
    }

## Noms des classes de `chars`, que le moteur de rendu joint dans $classes (pas des codes d’erreur)

chars-class-ascii_lowercase = lettres minuscules ASCII
chars-class-ascii_uppercase = lettres majuscules ASCII
chars-class-ascii_alpha = lettres ASCII
chars-class-ascii_digit = chiffres ASCII
chars-class-ascii_alphanumeric = lettres et chiffres ASCII
chars-class-ascii_punctuation = signes de ponctuation ASCII
chars-class-space = espaces
